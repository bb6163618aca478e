# taint-suite: cwe=89 vulnerable=yes
# a helper function in the file builds the WHERE clause
from django.db import connection
from django.http import JsonResponse


def build_filter(column, value):
    return "WHERE {} = '{}'".format(column, value)


def search(request):
    term = request.GET["q"]
    clause = build_filter("title", term)
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM books " + clause)
        return JsonResponse({"ids": [r[0] for r in cursor.fetchall()]})
