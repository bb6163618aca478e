# taint-suite: cwe=601 vulnerable=yes
# Django redirect() with a GET value
from django.contrib.auth import login
from django.shortcuts import redirect


def after_login(request):
    login(request, request.user)
    return redirect(request.GET.get("next", "/"))
