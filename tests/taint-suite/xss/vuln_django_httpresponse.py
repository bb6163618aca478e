# taint-suite: cwe=79 vulnerable=yes
# a Django view writes a GET value into HttpResponse
from django.http import HttpResponse


def echo(request):
    msg = request.GET.get("msg", "")
    html = "<div class='msg'>{}</div>".format(msg)
    return HttpResponse(html)
