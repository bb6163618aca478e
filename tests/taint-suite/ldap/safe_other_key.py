# taint-suite: cwe=90 vulnerable=no
# the request value is kept under a key the filter does not use
import ldap
from flask import Flask, request

app = Flask(__name__)


@app.route("/team")
def team():
    params = {"team": "engineering", "requested_by": request.args.get("me", "")}
    flt = "(ou=%s)" % params["team"]
    conn = ldap.initialize("ldap://ldap.example.org")
    return {"n": len(conn.search_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, flt)), "by": params["requested_by"]}
