# taint-suite: cwe=601 vulnerable=no
# the request chooses among known destinations
from django.shortcuts import redirect

DESTINATIONS = {"home": "/", "docs": "/docs/", "billing": "/account/billing/"}


def go(request):
    key = request.GET.get("to", "home")
    return redirect(DESTINATIONS.get(key, "/"))
