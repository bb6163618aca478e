# taint-suite: cwe=90 vulnerable=no
# a uid that is not alphanumeric is rejected
import ldap
from flask import Flask, abort, request

app = Flask(__name__)


@app.route("/uid")
def by_uid():
    uid = request.args.get("uid", "")
    if not uid.isalnum():
        abort(400)
    conn = ldap.initialize("ldap://ldap.example.org")
    return {"n": len(conn.search_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, "(uid=%s)" % uid))}
