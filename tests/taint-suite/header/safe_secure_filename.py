# taint-suite: cwe=113 vulnerable=no
# secure_filename on the file name
from flask import Flask, make_response, request
from werkzeug.utils import secure_filename

app = Flask(__name__)


@app.route("/export")
def export():
    name = secure_filename(request.args.get("name", "export"))
    resp = make_response("a,b,c\n")
    resp.headers["Content-Disposition"] = "attachment; filename=%s.csv" % name
    return resp
