# taint-suite: cwe=78 vulnerable=yes
# the value travels through a dict before the shell
import subprocess
from flask import Flask, request

app = Flask(__name__)


@app.route("/resize", methods=["POST"])
def resize():
    job = {"size": "100x100", "file": request.form["file"]}
    job["size"] = request.form.get("size", job["size"])
    cmd = "mogrify -resize {size} {file}".format(**job)
    subprocess.Popen(cmd, shell=True).wait()
    return "ok"
