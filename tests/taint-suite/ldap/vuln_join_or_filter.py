# taint-suite: cwe=90 vulnerable=yes
# several request values joined into an OR filter
from flask import Flask, request
from ldap3 import Connection, Server

app = Flask(__name__)


@app.route("/many")
def many():
    uids = request.args.getlist("uid")
    clauses = "".join("(uid=%s)" % u for u in uids)
    conn = Connection(Server("ldap://ldap.example.org"), auto_bind=True)
    conn.search("dc=example,dc=org", "(|" + clauses + ")", attributes=["cn"])
    return {"n": len(conn.entries)}
