# taint-suite: cwe=78 vulnerable=yes
# a helper builds the command from its argument
import os
from django.http import HttpResponse


def archive_command(name):
    return "tar czf /tmp/{}.tgz /srv/data/{}".format(name, name)


def backup(request):
    project = request.POST["project"]
    os.system(archive_command(project))
    return HttpResponse("started")
