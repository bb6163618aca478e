# taint-suite: cwe=117 vulnerable=yes
# strip() removes only the ends, not inner newlines
import logging

from flask import Flask, request

app = Flask(__name__)


@app.route("/feedback", methods=["POST"])
def feedback():
    text = request.form["text"].strip()
    app.logger.error("feedback: %s", text)
    return "thanks"
