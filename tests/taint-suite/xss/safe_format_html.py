# taint-suite: cwe=79 vulnerable=no
# Django format_html escapes its arguments
from django.http import HttpResponse
from django.utils.html import format_html


def echo(request):
    msg = request.GET.get("msg", "")
    return HttpResponse(format_html("<div class='msg'>{}</div>", msg))
