# taint-suite: cwe=90 vulnerable=yes
# one value is escaped, the other is not
import ldap
import ldap.filter
from django.http import JsonResponse


def search(request):
    first = ldap.filter.escape_filter_chars(request.GET["first"])
    last = request.GET["last"]
    flt = "(&(givenName=%s)(sn=%s))" % (first, last)
    conn = ldap.initialize("ldap://ldap.example.org")
    return JsonResponse({"n": len(conn.search_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, flt))})
