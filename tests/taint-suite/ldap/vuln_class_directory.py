# taint-suite: cwe=90 vulnerable=yes
# a directory client class keeps the filter in self
import ldap
from flask import Flask, request

app = Flask(__name__)


class Directory:
    def __init__(self, url):
        self.conn = ldap.initialize(url)
        self.filter = "(objectClass=*)"

    def only(self, attr, value):
        self.filter = "(%s=%s)" % (attr, value)

    def find(self):
        return self.conn.search_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, self.filter)


@app.route("/lookup")
def lookup():
    d = Directory("ldap://ldap.example.org")
    d.only("mail", request.args["mail"])
    return {"n": len(d.find())}
