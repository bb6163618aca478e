# taint-suite: cwe=611 vulnerable=no
# the stdlib ElementTree does not resolve external entities
import xml.etree.ElementTree as ET

from django.http import JsonResponse


def soap(request):
    root = ET.fromstring(request.body)
    return JsonResponse({"op": root.tag})
