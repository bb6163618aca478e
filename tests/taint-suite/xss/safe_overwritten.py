# taint-suite: cwe=79 vulnerable=no
# the message is replaced by a constant before output
from django.http import HttpResponse


def status(request):
    message = request.GET.get("message", "")
    if message:
        message = "Thanks for your feedback."
    else:
        message = "Tell us what you think."
    return HttpResponse("<p>" + message + "</p>")
