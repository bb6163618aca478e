# taint-suite: cwe=22 vulnerable=no
# os.path.commonpath keeps the resolved path under the base
import os

from django.http import FileResponse, Http404

ROOT = "/srv/media"


def media(request, rel):
    target = os.path.realpath(os.path.join(ROOT, rel))
    if os.path.commonpath([ROOT, target]) != ROOT:
        raise Http404()
    return FileResponse(open(target, "rb"))
