# taint-suite: cwe=78 vulnerable=no
# the port is converted with int()
import os
from django.http import HttpResponse


def open_port(request):
    port = int(request.GET["port"])
    os.system("ufw allow %d/tcp" % port)
    return HttpResponse("opened")
