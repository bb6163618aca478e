# taint-suite: cwe=90 vulnerable=yes
# an ldap3 search filter built with an f-string
from django.http import JsonResponse
from ldap3 import ALL, Connection, Server

SERVER = Server("ldap://ldap.example.org", get_info=ALL)


def directory(request):
    name = request.GET.get("cn", "")
    conn = Connection(SERVER, auto_bind=True)
    conn.search("dc=example,dc=org", f"(cn={name}*)", attributes=["mail"])
    return JsonResponse({"mails": [str(e.mail) for e in conn.entries]})
