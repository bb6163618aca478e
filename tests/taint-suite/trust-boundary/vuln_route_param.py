# taint-suite: cwe=501 vulnerable=yes
# a route parameter stored as the tenant
from flask import Flask, session

app = Flask(__name__)


@app.route("/switch/<tenant>")
def switch(tenant):
    current = tenant.strip()
    session["tenant"] = current
    return "switched"
