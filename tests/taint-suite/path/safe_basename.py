# taint-suite: cwe=22 vulnerable=no
# os.path.basename keeps only the file name
import os

from flask import Flask, request, send_file

app = Flask(__name__)
UPLOADS = "/srv/uploads"


@app.route("/download")
def download():
    name = os.path.basename(request.args.get("name", ""))
    return send_file(os.path.join(UPLOADS, name))
