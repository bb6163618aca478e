# taint-suite: cwe=502 vulnerable=no
# yaml.load with Loader=yaml.SafeLoader
import yaml
from django.http import JsonResponse


def settings(request):
    conf = yaml.load(request.body, Loader=yaml.SafeLoader)
    return JsonResponse({"keys": sorted(conf)})
