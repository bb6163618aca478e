# taint-suite: cwe=601 vulnerable=yes
# HttpResponseRedirect with a cookie value
from django.http import HttpResponseRedirect


def resume(request):
    last = request.COOKIES.get("last_page", "/")
    return HttpResponseRedirect(last)
