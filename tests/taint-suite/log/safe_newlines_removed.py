# taint-suite: cwe=117 vulnerable=no
# CR and LF replaced before logging
import logging

from django.http import HttpResponse

logger = logging.getLogger(__name__)


def download(request):
    agent = request.META.get("HTTP_USER_AGENT", "")
    clean = agent.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    logger.info("download by %s", clean)
    return HttpResponse("ok")
