# taint-suite: cwe=113 vulnerable=yes
# a file name from the query string in Content-Disposition
from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/export")
def export():
    name = request.args.get("name", "export")
    resp = make_response("a,b,c\n")
    resp.headers["Content-Disposition"] = "attachment; filename=%s.csv" % name
    return resp
