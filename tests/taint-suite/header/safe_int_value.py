# taint-suite: cwe=113 vulnerable=no
# a numeric value converted with int()
from django.http import HttpResponse


def cached(request):
    seconds = int(request.GET.get("ttl", "60"))
    response = HttpResponse("ok")
    response["Cache-Control"] = "max-age=%d" % seconds
    return response
