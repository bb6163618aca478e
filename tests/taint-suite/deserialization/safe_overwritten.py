# taint-suite: cwe=502 vulnerable=no
# the data is replaced by a local file before loading
import pickle

from django.http import JsonResponse


def model_info(request):
    data = request.body
    with open("/srv/models/current.pkl", "rb") as fh:
        data = fh.read()
    return JsonResponse({"type": type(pickle.loads(data)).__name__})
