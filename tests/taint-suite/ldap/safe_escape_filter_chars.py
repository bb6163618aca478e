# taint-suite: cwe=90 vulnerable=no
# the value is escaped with ldap.filter.escape_filter_chars
import ldap
import ldap.filter
from flask import Flask, request

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    user = ldap.filter.escape_filter_chars(request.form["user"])
    search_filter = "(&(objectClass=person)(uid=%s))" % user
    conn = ldap.initialize("ldap://ldap.example.org")
    result = conn.search_s("ou=people,dc=example,dc=org", ldap.SCOPE_SUBTREE, search_filter)
    return "found" if result else ("unknown user", 404)
