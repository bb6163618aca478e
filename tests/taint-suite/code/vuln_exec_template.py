# taint-suite: cwe=95 vulnerable=yes
# user code pasted into a template and run with exec
from django.http import JsonResponse

TEMPLATE = """
def transform(row):
    return {body}
"""


def preview(request):
    body = request.POST["formula"]
    namespace = {}
    exec(TEMPLATE.format(body=body), namespace)
    return JsonResponse({"value": namespace["transform"]({"a": 1})})
