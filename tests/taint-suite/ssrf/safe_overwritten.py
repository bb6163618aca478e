# taint-suite: cwe=918 vulnerable=no
# the URL is replaced by a constant
import urllib.request

from django.http import HttpResponse


def check(request):
    url = request.GET.get("url", "")
    url = "https://status.example.org/api"
    return HttpResponse(urllib.request.urlopen(url, timeout=2).read())
