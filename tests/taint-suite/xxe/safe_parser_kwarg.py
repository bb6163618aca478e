# taint-suite: cwe=611 vulnerable=no
# a safe lxml parser passed by keyword
from django.http import JsonResponse
from lxml import etree


def upload(request):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(request.body, parser=parser)
    return JsonResponse({"tag": root.tag})
