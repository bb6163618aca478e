# taint-suite: cwe=501 vulnerable=no
# the request picks a key of a constant table; the table value is stored
from django.http import HttpResponse

CURRENCIES = {"us": "USD", "fr": "EUR", "gb": "GBP"}


def set_country(request):
    country = request.GET.get("country", "us")
    request.session["currency"] = CURRENCIES.get(country, "USD")
    return HttpResponse("ok")
