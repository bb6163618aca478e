# taint-suite: cwe=601 vulnerable=no
# only a page number from the request goes into the URL
from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/jump")
def jump():
    page = int(request.args.get("page", "1"))
    return redirect("/articles?page=%d" % page)
