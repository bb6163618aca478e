import http.cookiejar

from django.http import HttpResponse
from flask import Flask, make_response, redirect, request, url_for

app = Flask(__name__)
COOKIE_OPTIONS = {"secure": True, "httponly": True, "samesite": "Lax"}


@app.route("/login", methods=["POST"])
def login():
    resp = make_response(redirect(url_for("home")))
    # ruleid: python.flask.set-cookie-without-httponly
    resp.set_cookie("auth_token", request.form["token"], secure=True)
    return resp


@app.route("/remember")
def remember():
    resp = make_response("ok")
    # ruleid: python.flask.set-cookie-without-httponly
    resp.set_cookie("remember_me", "1", max_age=30 * 24 * 3600, secure=True, httponly=False)
    return resp


def django_login(request, session_id):
    response = HttpResponse("welcome")
    # ruleid: python.flask.set-cookie-without-httponly
    response.set_cookie("sessionid", session_id, secure=True, samesite="Strict")
    return response


@app.route("/login-safe", methods=["POST"])
def login_safe():
    resp = make_response(redirect(url_for("home")))
    # ok: python.flask.set-cookie-without-httponly
    resp.set_cookie("auth_token", request.form["token"], secure=True, httponly=True, samesite="Lax")
    return resp


@app.route("/prefs")
def prefs():
    resp = make_response("ok")
    # ok: python.flask.set-cookie-without-httponly
    resp.set_cookie("lang", "en", **COOKIE_OPTIONS)
    return resp


def load_cookie(jar: http.cookiejar.CookieJar, cookie: http.cookiejar.Cookie):
    # ok: python.flask.set-cookie-without-httponly
    jar.set_cookie(cookie)


@app.route("/logout")
def logout():
    resp = make_response(redirect(url_for("home")))
    # ok: python.flask.set-cookie-without-httponly
    resp.delete_cookie("auth_token")
    return resp
