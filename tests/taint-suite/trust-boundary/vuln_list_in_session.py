# taint-suite: cwe=501 vulnerable=yes
# a list of request values stored in the session
from django.http import JsonResponse


def compare(request):
    ids = [i for i in request.POST.getlist("product")]
    request.session["compare"] = ids[:4]
    return JsonResponse({"n": len(ids)})
