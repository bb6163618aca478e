# taint-suite: cwe=79 vulnerable=no
# html.escape before building the response
import html

from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/search")
def search():
    q = html.escape(request.args.get("q", ""), quote=True)
    return make_response("<p>No results for " + q + "</p>", 404)
