# taint-suite: cwe=501 vulnerable=no
# the value is replaced by the configured default before it is stored
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse


def reset_lang(request):
    lang = request.GET.get("lang", "en")
    messages.info(request, "language reset (was %s)" % lang)
    lang = settings.LANGUAGE_CODE
    request.session["lang"] = lang
    return HttpResponse("ok")
