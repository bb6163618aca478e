# taint-suite: cwe=78 vulnerable=no
# the request value is stored under a key the command does not use
import subprocess
from flask import Flask, request

app = Flask(__name__)


@app.route("/build", methods=["POST"])
def build():
    job = {"cmd": "make -C /srv/site", "note": request.form.get("note", "")}
    subprocess.run(job["cmd"], shell=True, check=True)
    return {"note": job["note"]}
