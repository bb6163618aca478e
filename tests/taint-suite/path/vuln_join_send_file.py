# taint-suite: cwe=22 vulnerable=yes
# a file name joined to a base directory and sent
import os

from flask import Flask, request, send_file

app = Flask(__name__)
UPLOADS = "/srv/uploads"


@app.route("/download")
def download():
    name = request.args.get("name", "")
    path = os.path.join(UPLOADS, name)
    return send_file(path)
