import http.cookiejar

from django.http import HttpResponse
from flask import Flask, make_response, redirect, request, url_for

app = Flask(__name__)
COOKIE_OPTIONS = {"secure": True, "httponly": True, "samesite": "Lax"}


@app.route("/login", methods=["POST"])
def login():
    resp = make_response(redirect(url_for("home")))
    # ruleid: python.flask.set-cookie-without-secure
    resp.set_cookie("auth_token", request.form["token"], httponly=True)
    return resp


@app.route("/remember")
def remember():
    resp = make_response("ok")
    # ruleid: python.flask.set-cookie-without-secure
    resp.set_cookie("remember_me", "1", max_age=30 * 24 * 3600, secure=False, httponly=True)
    return resp


def django_login(request, session_id):
    response = HttpResponse("welcome")
    # ruleid: python.flask.set-cookie-without-secure
    response.set_cookie("sessionid", session_id)
    return response


@app.route("/login-safe", methods=["POST"])
def login_safe():
    resp = make_response(redirect(url_for("home")))
    # ok: python.flask.set-cookie-without-secure
    resp.set_cookie("auth_token", request.form["token"], secure=True, httponly=True, samesite="Lax")
    return resp


@app.route("/theme")
def theme():
    resp = make_response("ok")
    # ok: python.flask.set-cookie-without-secure
    resp.set_cookie("theme", request.args.get("t", "light"), secure=request.is_secure)
    return resp


@app.route("/prefs")
def prefs():
    resp = make_response("ok")
    # ok: python.flask.set-cookie-without-secure
    resp.set_cookie("lang", "en", **COOKIE_OPTIONS)
    return resp


def load_cookie(jar: http.cookiejar.CookieJar, cookie: http.cookiejar.Cookie):
    # ok: python.flask.set-cookie-without-secure
    jar.set_cookie(cookie)
