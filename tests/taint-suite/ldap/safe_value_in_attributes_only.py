# taint-suite: cwe=90 vulnerable=no
# the request value only chooses which attributes to return
from django.http import JsonResponse
from ldap3 import Connection, Server

ALLOWED = {"mail", "cn", "telephoneNumber"}


def attrs(request):
    wanted = [a for a in request.GET.getlist("attr") if a in ALLOWED]
    conn = Connection(Server("ldap://ldap.example.org"), auto_bind=True)
    conn.search("dc=example,dc=org", "(objectClass=person)", attributes=wanted)
    return JsonResponse({"n": len(conn.entries)})
