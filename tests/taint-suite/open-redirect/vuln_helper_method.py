# taint-suite: cwe=601 vulnerable=yes
# a navigation helper class returns the target
from flask import Flask, redirect, request

app = Flask(__name__)


class Navigation:
    def __init__(self, args):
        self.args = args

    def return_to(self):
        return self.args.get("return_to") or "/"


@app.route("/done")
def done():
    nav = Navigation(request.args)
    return redirect(nav.return_to(), code=303)
