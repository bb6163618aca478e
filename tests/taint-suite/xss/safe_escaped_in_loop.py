# taint-suite: cwe=79 vulnerable=no
# each item is escaped in a loop before joining
import html

from django.http import HttpResponse


def tags(request):
    items = []
    for tag in request.GET.getlist("tag"):
        items.append("<li>" + html.escape(tag) + "</li>")
    return HttpResponse("<ul>" + "".join(items) + "</ul>")
