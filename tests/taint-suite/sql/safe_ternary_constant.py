# taint-suite: cwe=89 vulnerable=no
# a ternary on a constant picks the constant
from django.db import connection
from django.http import JsonResponse


def report(request):
    wanted = request.GET.get("year", "2024")
    year = "2023" if len("abc") == 3 else wanted
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM orders WHERE year = " + year)
        return JsonResponse({"count": cursor.fetchone()[0]})
