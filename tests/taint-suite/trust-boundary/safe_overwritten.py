# taint-suite: cwe=501 vulnerable=no
# the value is replaced by a constant before it is stored
from django.http import HttpResponse


def set_lang(request):
    lang = request.GET.get("lang", "en")
    if lang:
        lang = "en"
    request.session["lang"] = lang
    return HttpResponse("ok")
