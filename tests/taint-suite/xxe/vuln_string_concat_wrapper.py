# taint-suite: cwe=611 vulnerable=yes
# the user fragment is wrapped in an envelope before parsing
from django.http import HttpResponse
from lxml import etree


def fragment(request):
    inner = request.POST.get("xml", "")
    doc = "<?xml version='1.0'?><envelope>" + inner + "</envelope>"
    root = etree.fromstring(doc.encode())
    return HttpResponse(str(len(root)))
