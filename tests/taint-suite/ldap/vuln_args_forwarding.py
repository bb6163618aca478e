# taint-suite: cwe=90 vulnerable=yes
# *args forwarding through a small wrapper
import ldap
from flask import Flask, request

app = Flask(__name__)


def search(conn, *args):
    return conn.search_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, *args)


@app.route("/find")
def find():
    conn = ldap.initialize("ldap://ldap.example.org")
    flt = "(mail=%s)" % request.args.get("mail", "")
    return {"n": len(search(conn, flt))}
