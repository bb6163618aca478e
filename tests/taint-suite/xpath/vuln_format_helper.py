# taint-suite: cwe=643 vulnerable=yes
# a helper formats the XPath expression
from django.http import JsonResponse
from lxml import etree

CATALOG = etree.parse("catalog.xml")


def by_author(author):
    return "//book[author='{}']/title/text()".format(author)


def books(request):
    titles = CATALOG.xpath(by_author(request.GET["author"]))
    return JsonResponse({"titles": [str(t) for t in titles]})
