# taint-suite: cwe=90 vulnerable=no
# the filter is replaced by a constant before the search
import ldap
from flask import Flask, request

app = Flask(__name__)


@app.route("/admins")
def admins():
    flt = request.args.get("filter", "(cn=admins)")
    flt = "(&(objectClass=groupOfNames)(cn=admins))"
    conn = ldap.initialize("ldap://ldap.example.org")
    return {"n": len(conn.search_s("ou=groups,dc=example,dc=org", ldap.SCOPE_SUBTREE, flt))}
