# taint-suite: cwe=601 vulnerable=yes
# the Referer header used as the redirect target
from django.shortcuts import redirect


def switch_language(request, lang):
    request.session["lang"] = lang if lang in ("en", "fr") else "en"
    back = request.META.get("HTTP_REFERER", "/")
    return redirect(back)
