# taint-suite: cwe=89 vulnerable=no
# a helper receives the value but returns a constant query
from django.db import connection
from django.http import JsonResponse


def query_for(kind):
    if kind == "archived":
        return "SELECT id FROM tickets WHERE archived = 1"
    return "SELECT id FROM tickets WHERE archived = 0"


def tickets(request):
    sql = query_for(request.GET.get("kind", ""))
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return JsonResponse({"ids": [r[0] for r in cursor.fetchall()]})
