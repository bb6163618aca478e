# taint-suite: cwe=501 vulnerable=yes
# a Django view copies a GET value into request.session
from django.http import HttpResponse


def set_account(request):
    account = request.GET["account_id"]
    request.session["account_id"] = account
    return HttpResponse("ok")
