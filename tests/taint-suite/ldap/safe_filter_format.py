# taint-suite: cwe=90 vulnerable=no
# ldap.filter.filter_format escapes its arguments
import ldap
from ldap.filter import filter_format
from django.http import JsonResponse


def members(request):
    flt = filter_format("(&(objectClass=groupOfNames)(cn=%s))", [request.GET["group"]])
    conn = ldap.initialize("ldap://ldap.example.org")
    return JsonResponse({"n": len(conn.search_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, flt))})
