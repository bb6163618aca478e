# taint-suite: cwe=502 vulnerable=yes
# a Django request body unpickled through a helper
import pickle

from django.http import JsonResponse


def decode_job(data):
    return pickle.loads(data)


def submit(request):
    job = decode_job(request.body)
    return JsonResponse({"job": str(job)})
