# taint-suite: cwe=611 vulnerable=yes
# a Django request body parsed by lxml through BytesIO
import io

from django.http import JsonResponse
from lxml import etree


def soap(request):
    stream = io.BytesIO(request.body)
    doc = etree.parse(stream)
    return JsonResponse({"op": doc.getroot().tag})
