# taint-suite: cwe=501 vulnerable=no
# a loop skips values that are not digits before storing them
from django.http import HttpResponse


def favorites(request):
    kept = []
    for raw in request.POST.getlist("id"):
        if not raw.isdigit():
            continue
        kept.append(int(raw))
    request.session["favorites"] = kept[:20]
    return HttpResponse("ok")
