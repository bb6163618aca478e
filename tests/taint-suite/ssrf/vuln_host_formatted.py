# taint-suite: cwe=918 vulnerable=yes
# a host name formatted into a URL
import urllib.request

from django.http import HttpResponse


def status(request):
    host = request.GET["host"]
    url = "http://%s:8080/health" % host
    with urllib.request.urlopen(url, timeout=2) as resp:
        return HttpResponse(resp.read())
