# taint-suite: cwe=601 vulnerable=yes
# only the scheme is checked: https://evil.example passes
from flask import Flask, abort, redirect, request

app = Flask(__name__)


@app.route("/continue")
def cont():
    dest = request.values.get("dest", "")
    scheme_ok = dest.lower().startswith("https:")
    if not scheme_ok:
        abort(400)
    return redirect(dest)
