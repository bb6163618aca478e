# taint-suite: cwe=90 vulnerable=yes
# a helper function builds the filter
import ldap
from flask import Flask, request

app = Flask(__name__)


def group_filter(group):
    return "(&(objectClass=groupOfNames)(cn=" + group + "))"


@app.route("/members")
def members():
    conn = ldap.initialize("ldap://ldap.example.org")
    flt = group_filter(request.args["group"])
    entries = conn.search_s("ou=groups,dc=example,dc=org", ldap.SCOPE_ONELEVEL, flt, ["member"])
    return {"members": [m.decode() for _, attrs in entries for m in attrs.get("member", [])]}
