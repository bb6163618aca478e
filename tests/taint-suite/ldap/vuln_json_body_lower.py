# taint-suite: cwe=90 vulnerable=yes
# a JSON field lowered and stripped
from flask import Flask, request
from ldap3 import Connection, Server

app = Flask(__name__)


@app.route("/by-mail", methods=["POST"])
def by_mail():
    mail = request.get_json()["mail"].strip().lower()
    conn = Connection(Server("ldap://ldap.example.org"), auto_bind=True)
    conn.search("dc=example,dc=org", "(mail=" + mail + ")", attributes=["uid"])
    return {"uids": [str(e.uid) for e in conn.entries]}
