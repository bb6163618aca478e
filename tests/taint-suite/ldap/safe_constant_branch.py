# taint-suite: cwe=90 vulnerable=no
# a constant condition keeps the constant filter
import ldap
from flask import Flask, request

app = Flask(__name__)


@app.route("/all")
def everyone():
    wanted = request.args.get("filter", "")
    flt = "(uid=" + wanted + ")" if 0 else "(objectClass=person)"
    conn = ldap.initialize("ldap://ldap.example.org")
    return {"n": len(conn.search_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, flt))}
