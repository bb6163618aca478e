# taint-suite: cwe=601 vulnerable=yes
# a host from the form formatted into an absolute URL
from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/tenant", methods=["POST"])
def tenant():
    host = request.form["tenant_host"]
    url = "https://{}/dashboard".format(host)
    return redirect(url)
