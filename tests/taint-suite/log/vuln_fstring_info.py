# taint-suite: cwe=117 vulnerable=yes
# an f-string with a header in logging.info
import logging

from django.http import HttpResponse


def download(request):
    agent = request.META.get("HTTP_USER_AGENT", "")
    logging.info(f"download by {agent}")
    return HttpResponse("ok")
