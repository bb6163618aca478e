# taint-suite: cwe=79 vulnerable=yes
# the value is escaped, then unescaped again before output
import html

from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/note")
def note():
    text = html.escape(request.args.get("text", ""))
    stored = html.unescape(text)
    return make_response("<blockquote>" + stored + "</blockquote>")
