# taint-suite: cwe=95 vulnerable=no
# the value is parsed as JSON
import json

from django.http import JsonResponse


def settings(request):
    data = json.loads(request.body)
    return JsonResponse({"keys": sorted(data)})
