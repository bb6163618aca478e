from urllib.parse import urlsplit

import flask
from flask import Flask, abort, redirect, request, url_for
from flask_login import login_user

from myapp.auth import check_credentials, is_safe_url

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    login_user(check_credentials(request.form))
    # ruleid: python.flask.open-redirect
    return flask.redirect(request.args.get("next", "/"))


@app.route("/logout")
def logout():
    target = request.args["return_to"]
    # ruleid: python.flask.open-redirect
    return redirect(target, code=303)


@app.route("/out")
def outbound():
    # ruleid: python.flask.open-redirect
    return flask.redirect("https://" + request.values["host"] + "/welcome")


@app.route("/back")
def back():
    # ruleid: python.flask.open-redirect
    return flask.redirect(request.referrer or url_for("index"))


@app.route("/login-safe", methods=["POST"])
def login_safe():
    login_user(check_credentials(request.form))
    target = request.args.get("next", "")
    if not is_safe_url(target):
        abort(400)
    # ok: python.flask.open-redirect
    return flask.redirect(target)


@app.route("/logout-safe")
def logout_safe():
    target = request.args.get("return_to", "")
    if urlsplit(target).netloc:
        target = url_for("index")
    # ok: python.flask.open-redirect
    return flask.redirect(target)


@app.route("/profile")
def profile():
    # ok: python.flask.open-redirect
    return redirect(url_for("user_profile", user_id=request.args["id"]))


@app.route("/reload")
def reload_page():
    # ok: python.flask.open-redirect
    return flask.redirect(request.url)
