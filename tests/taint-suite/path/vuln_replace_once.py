# taint-suite: cwe=22 vulnerable=yes
# a single non-recursive replace of ../ that ....// defeats
from flask import Flask, request

app = Flask(__name__)


@app.route("/theme")
def theme():
    name = request.args.get("theme", "default")
    cleaned = name.replace("../", "")
    with open("themes/%s.css" % cleaned) as fh:
        return fh.read(), 200, {"Content-Type": "text/css"}
