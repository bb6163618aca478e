# taint-suite: cwe=22 vulnerable=yes
# a value unquoted from the query string and opened
from urllib.parse import unquote_plus

from django.http import FileResponse


def attachment(request):
    quoted = request.GET.get("f", "")
    name = unquote_plus(quoted)
    return FileResponse(open("/srv/attachments/" + name, "rb"))
