# taint-suite: cwe=90 vulnerable=no
# a helper escapes the value before building the filter
from django.http import JsonResponse
from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars


def mail_filter(value):
    return "(mail=%s)" % escape_filter_chars(value)


def find(request):
    conn = Connection(Server("ldap://ldap.example.org"), auto_bind=True)
    conn.search("dc=example,dc=org", mail_filter(request.GET.get("mail", "")), attributes=["cn"])
    return JsonResponse({"n": len(conn.entries)})
