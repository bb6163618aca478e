# taint-suite: cwe=601 vulnerable=no
# the request value is stored under a key that is not the target
from django.http import HttpResponseRedirect


def feedback(request):
    ctx = {"target": "/thanks/", "comment": request.POST.get("comment", "")}
    request.session["last_comment_len"] = len(ctx["comment"])
    return HttpResponseRedirect(ctx["target"])
