# taint-suite: cwe=113 vulnerable=yes
# a Django response header set from a GET value
from django.http import HttpResponse


def tracked(request):
    campaign = request.GET.get("campaign", "")
    response = HttpResponse("ok")
    response["X-Campaign"] = campaign
    return response
