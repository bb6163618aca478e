# taint-suite: cwe=78 vulnerable=yes
# a runner class keeps the command in self and runs it later
import subprocess
from flask import Flask, request

app = Flask(__name__)


class Converter:
    def __init__(self, source):
        self.cmd = f"convert {source} -resize 200x200 thumb.png"

    def run(self):
        return subprocess.run(self.cmd, shell=True, check=True)


@app.route("/thumb", methods=["POST"])
def thumb():
    Converter(request.form["path"]).run()
    return "done"
