# taint-suite: cwe=643 vulnerable=no
# the id is converted with int()
from django.http import HttpResponse
from lxml import etree

DOC = etree.parse("products.xml")


def price(request):
    pid = int(request.GET.get("id", "0"))
    nodes = DOC.xpath("//product[@id=%d]/price/text()" % pid)
    return HttpResponse(nodes[0] if nodes else "n/a")
