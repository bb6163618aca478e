from flask import Flask
from flask import render_template_string as render_string
from flask import request

app = Flask(__name__)

PAGE = """
<h1>{{ title }}</h1>
<p>{{ body }}</p>
"""
LAYOUT = "<html><body>" + PAGE + "</body></html>"


@app.route("/hello")
def hello():
    # ruleid: python.flask.render-template-string-non-literal
    return render_string("<h1>Hello " + request.args["name"] + "</h1>")


@app.errorhandler(404)
def not_found(error):
    # ruleid: python.flask.render-template-string-non-literal
    return render_string(f"<p>{request.path} was not found</p>"), 404


@app.route("/preview", methods=["POST"])
def preview():
    template = request.form["template"]
    # ruleid: python.flask.render-template-string-non-literal
    return render_string(template, user=request.form.get("user"))


@app.route("/card")
def card():
    # ruleid: python.flask.render-template-string-non-literal
    return render_string(source="<div class='%s'>{{ text }}</div>" % request.args["style"], text="hi")


@app.route("/hello-safe")
def hello_safe():
    # ok: python.flask.render-template-string-non-literal
    return render_string("<h1>Hello {{ name }}</h1>", name=request.args["name"])


@app.route("/page")
def page():
    # ok: python.flask.render-template-string-non-literal
    return render_string(PAGE, title="About", body="...")


@app.route("/layout")
def layout():
    # ok: python.flask.render-template-string-non-literal
    return render_string(LAYOUT, title="Home", body=request.args.get("q", ""))
