# taint-suite: cwe=22 vulnerable=no
# a value containing .. or starting with / is rejected
from django.http import HttpResponse, HttpResponseBadRequest


def note(request):
    name = request.GET.get("name", "")
    if ".." in name or name.startswith("/"):
        return HttpResponseBadRequest("bad name")
    with open("/srv/notes/" + name + ".txt") as fh:
        return HttpResponse(fh.read())
