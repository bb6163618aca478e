# taint-suite: cwe=611 vulnerable=no
# the safe parser is created in the call
from django.http import JsonResponse
from lxml import etree


def soap(request):
    doc = etree.fromstring(request.body, etree.XMLParser(resolve_entities=False))
    return JsonResponse({"op": doc.tag})
