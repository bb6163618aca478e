# taint-suite: cwe=22 vulnerable=yes
# a storage helper class writes to a path from the request
import os

from flask import Flask, request

app = Flask(__name__)


class Storage:
    def __init__(self, root):
        self.root = root

    def path_for(self, name):
        return os.path.join(self.root, name)

    def save(self, name, data):
        with open(self.path_for(name), "wb") as fh:
            fh.write(data)


@app.route("/upload", methods=["POST"])
def upload():
    upload = request.files["file"]
    Storage("/srv/uploads").save(upload.filename, upload.read())
    return "stored"
