import re

from django.http import HttpResponse
from flask import Flask, abort, request, session

from myapp.models import User

app = Flask(__name__)
SELF_SERVICE = {"viewer", "editor"}
CURRENCIES = {"us": "USD", "fr": "EUR"}


@app.route("/profile", methods=["POST"])
def profile():
    role = request.form.get("role", "user")
    # ruleid: python.taint.trust-boundary
    session["role"] = role
    return "saved"


@app.route("/profile-checked", methods=["POST"])
def profile_checked():
    role = request.form.get("role", "viewer")
    if role not in SELF_SERVICE:
        abort(403)
    # ok: python.taint.trust-boundary
    session["role"] = role
    return "saved"


def set_account(request):
    # ruleid: python.taint.trust-boundary
    request.session["account_id"] = request.GET["account_id"]
    return HttpResponse("ok")


@app.route("/prefs", methods=["POST"])
def prefs():
    data = request.get_json()
    # ruleid: python.taint.trust-boundary
    session.update({"theme": data.get("theme"), "is_admin": data.get("admin", False)})
    return "", 204


@app.route("/switch/<tenant>")
def switch(tenant):
    # ruleid: python.taint.trust-boundary
    session["tenant"] = tenant.strip()
    return "switched"


@app.route("/page-size")
def page_size():
    # ok: python.taint.trust-boundary
    session["page_size"] = min(int(request.args.get("n", "20")), 100)
    return "ok"


@app.route("/color")
def color():
    value = request.args.get("c", "")
    if not re.fullmatch(r"#[0-9a-f]{6}", value):
        abort(400)
    # ok: python.taint.trust-boundary
    session["color"] = value
    return "ok"


@app.route("/mode")
def mode():
    # ok: python.taint.trust-boundary
    session["mode"] = request.args.get("mode", "") if 1 == 0 else "standard"
    return "ok"


@app.route("/visit")
def visit():
    info = {"plan": "free", "utm": request.args.get("utm_source", "")}
    # ok: python.taint.trust-boundary
    session["plan"] = info["plan"]
    return {"utm": info["utm"]}


def set_country(request):
    country = request.GET.get("country", "us")
    # The looked-up value is the server's, but the call carries the key's taint.
    # todook: python.taint.trust-boundary
    request.session["currency"] = CURRENCIES.get(country, "USD")
    return HttpResponse("ok")


@app.route("/login", methods=["POST"])
def login():
    user = User.query.filter_by(email=request.form["email"]).first()
    if user is None:
        abort(401)
    # todook: python.taint.trust-boundary
    session["user_id"] = user.id
    return "welcome"
