# taint-suite: cwe=95 vulnerable=yes
# a base64 cookie decoded and evaluated
import base64

from flask import Flask, request

app = Flask(__name__)


@app.route("/restore")
def restore():
    blob = request.cookies.get("filters", "e30=")
    text = base64.urlsafe_b64decode(blob.encode()).decode()
    filters = eval(text)
    return {"filters": filters}
