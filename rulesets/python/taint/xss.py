import html
import os
import sqlite3

from django.http import HttpResponse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from flask import Flask, jsonify, make_response, redirect, render_template, render_template_string, request, url_for
from markupsafe import Markup, escape

app = Flask(__name__)
db = sqlite3.connect("app.db")
api = FastAPI()


@app.route("/hello")
def hello():
    name = request.args.get("name", "world")
    greeting = f"<h1>Hello {name}!</h1>"
    # ruleid: python.taint.xss
    return greeting


@app.route("/hello-escaped")
def hello_escaped():
    name = escape(request.args.get("name", "world"))
    # ok: python.taint.xss
    return f"<h1>Hello {name}!</h1>"


@app.route("/hello-template")
def hello_template():
    # ok: python.taint.xss
    return render_template("hello.html", name=request.args.get("name", ""))


@app.route("/search")
def search():
    body = "<p>No results for " + request.args.get("q", "") + "</p>"
    # ruleid: python.taint.xss
    return make_response(body, 404)


@app.route("/search-escaped")
def search_escaped():
    q = html.escape(request.args.get("q", ""))
    # ok: python.taint.xss
    return make_response("<p>No results for " + q + "</p>", 404)


@app.route("/welcome")
def welcome():
    template = "<h2>Welcome " + request.args.get("user", "") + "</h2>"
    # ruleid: python.taint.xss
    return render_template_string(template)


@app.route("/bio")
def bio():
    text = request.args.get("bio", "")
    # ruleid: python.taint.xss
    snippet = Markup("<em>%s</em>" % text)
    return render_template("bio.html", bio=snippet)


@app.route("/tag")
def tag():
    # ok: python.taint.xss
    return Markup("<span>{}</span>").format(request.args.get("label", ""))


@app.route("/page/<slug>")
def page(slug):
    # ruleid: python.taint.xss
    return "<p>Page %s not found</p>" % slug, 404


@app.route("/api/echo")
def api_echo():
    # ok: python.taint.xss
    return jsonify(message=request.args.get("msg", ""))


@app.route("/api/section/<section>")
def section(section):
    # ok: python.taint.xss
    return {"section": section}


@app.route("/go")
def go():
    # ok: python.taint.xss
    return redirect(url_for("section", section=request.args.get("s", "home")))


def echo(request):
    html_text = "<div>{}</div>".format(request.GET.get("msg", ""))
    # ruleid: python.taint.xss
    return HttpResponse(html_text)


def echo_safe(request):
    # ok: python.taint.xss
    return HttpResponse(format_html("<div>{}</div>", request.GET.get("msg", "")))


def badge(request, name):
    # ruleid: python.taint.xss
    return HttpResponse(mark_safe('<span class="badge">%s</span>' % name))


@api.get("/page", response_class=HTMLResponse)
def fastapi_page(title: str = "Home"):
    # ruleid: python.taint.xss
    return HTMLResponse(content="<title>" + title + "</title>")


@app.route("/cart")
def cart():
    count = int(request.args.get("n", "0"))
    # ok: python.taint.xss
    return f"<span>{count} items</span>"


@app.route("/notes")
def notes():
    name = request.args.get("name", "")
    # The file's content is stored data, not the request's.
    # ok: python.taint.xss
    return open(os.path.join("/srv/notes", os.path.basename(name))).read()


@app.route("/users")
def users():
    name = request.args.get("name", "")
    # ok: python.taint.xss
    return str(db.execute("SELECT email FROM users WHERE name = ?", (name,)).fetchall())


@app.route("/notes/raw")
def notes_raw():
    name = request.args.get("name", "")
    # The name itself still reaches the page.
    # ruleid: python.taint.xss
    return "<h1>" + name + "</h1>" + open("/srv/notes/index.txt").read()
