from flask import Flask, jsonify
from flask import make_response as respond
from flask import render_template, request
from markupsafe import escape

app = Flask(__name__)


@app.route("/search")
def search():
    # ruleid: python.flask.make-response-request-data
    return respond("No results for " + request.args["q"], 404)


@app.route("/hello")
def hello():
    name = request.args.get("name", "stranger")
    # ruleid: python.flask.make-response-request-data
    resp = respond(f"<h1>Hello {name}</h1>")
    resp.headers["Cache-Control"] = "no-store"
    return resp


@app.route("/echo", methods=["POST"])
def echo():
    # ruleid: python.flask.make-response-request-data
    return respond(request.get_data(as_text=True))


@app.route("/search-safe")
def search_safe():
    # ok: python.flask.make-response-request-data
    return respond(render_template("no_results.html", q=request.args["q"]), 404)


@app.route("/hello-safe")
def hello_safe():
    name = request.args.get("name", "stranger")
    # ok: python.flask.make-response-request-data
    return respond(f"<h1>Hello {escape(name)}</h1>")


@app.route("/api/echo", methods=["POST"])
def api_echo():
    # ok: python.flask.make-response-request-data
    return respond(jsonify(message=request.json["message"]), 201)


@app.route("/health")
def health():
    # ok: python.flask.make-response-request-data
    return respond("ok", 200)
