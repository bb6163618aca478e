# taint-suite: cwe=90 vulnerable=yes
# a login filter formatted with the user name (python-ldap)
import ldap
from flask import Flask, request

app = Flask(__name__)
BASE = "ou=people,dc=example,dc=org"


@app.route("/login", methods=["POST"])
def login():
    user = request.form["user"]
    search_filter = "(&(objectClass=person)(uid=%s))" % user
    conn = ldap.initialize("ldap://ldap.example.org")
    result = conn.search_s(BASE, ldap.SCOPE_SUBTREE, search_filter)
    return "found" if result else ("unknown user", 404)
