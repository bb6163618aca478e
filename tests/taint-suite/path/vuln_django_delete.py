# taint-suite: cwe=22 vulnerable=yes
# a Django POST field deletes a file
import os

from django.http import HttpResponse

MEDIA = "/srv/media"


def delete_avatar(request):
    filename = request.POST["avatar"]
    os.remove(f"{MEDIA}/avatars/{filename}")
    return HttpResponse(status=204)
