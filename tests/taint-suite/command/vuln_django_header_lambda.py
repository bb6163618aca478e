# taint-suite: cwe=78 vulnerable=yes
# a lambda builds the command from a request header
import subprocess
from django.http import HttpResponse


def trace(request):
    agent = request.META.get("HTTP_X_TRACE_HOST", "")
    build = lambda h: "traceroute " + h
    out = subprocess.check_output(build(agent), shell=True)
    return HttpResponse(out, content_type="text/plain")
