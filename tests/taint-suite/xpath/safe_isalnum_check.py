# taint-suite: cwe=643 vulnerable=no
# the value must be alphanumeric, rejected otherwise
from django.http import HttpResponse, HttpResponseBadRequest
from lxml import etree

DOC = etree.parse("accounts.xml")


def balance(request, account):
    if not account.isalnum():
        return HttpResponseBadRequest()
    nodes = DOC.xpath("//account[@number='%s']/balance/text()" % account)
    return HttpResponse(nodes[0] if nodes else "unknown")
