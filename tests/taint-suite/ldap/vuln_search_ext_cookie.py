# taint-suite: cwe=90 vulnerable=yes
# a cookie in an asynchronous python-ldap search
import ldap
from flask import Flask, request

app = Flask(__name__)


@app.route("/me")
def me():
    conn = ldap.initialize("ldap://ldap.example.org")
    who = request.cookies.get("uid", "")
    msgid = conn.search_ext("dc=example,dc=org", ldap.SCOPE_SUBTREE, "(uid={})".format(who))
    _, data = conn.result(msgid)
    return {"found": bool(data)}
