# taint-suite: cwe=95 vulnerable=yes
# a Django kwarg used in an f-string passed to eval
from django.http import HttpResponse


def attribute(request, attr):
    obj = {"name": "demo"}
    value = eval(f"obj.get('{attr}')")
    return HttpResponse(str(value))
