# taint-suite: cwe=601 vulnerable=no
# only a path is kept: scheme, host and leading slashes or backslashes are dropped
from urllib.parse import urlsplit

from django.shortcuts import redirect


def back(request):
    parts = urlsplit(request.GET.get("next", "/"))
    path = "/" + parts.path.replace("\\", "/").lstrip("/")
    return redirect(path)
