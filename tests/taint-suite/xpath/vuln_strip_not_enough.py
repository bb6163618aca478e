# taint-suite: cwe=643 vulnerable=yes
# stripping whitespace does not remove quotes
from django.http import HttpResponse
from lxml import etree

DOC = etree.parse("accounts.xml")


def balance(request, account):
    account = account.strip().upper()
    nodes = DOC.xpath("//account[@number='%s']/balance/text()" % account)
    return HttpResponse(nodes[0] if nodes else "unknown")
