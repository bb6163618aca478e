from urllib.parse import urlsplit

from django.http import HttpResponseRedirect
from django.shortcuts import redirect as django_redirect
from django.utils.http import url_has_allowed_host_and_scheme
from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from flask import Flask, abort, redirect, request, url_for

app = Flask(__name__)
api = FastAPI()


@app.route("/login", methods=["POST"])
def login():
    target = request.args.get("next", "/")
    # ruleid: python.taint.open-redirect
    return redirect(target)


@app.route("/back")
def back():
    # ruleid: python.taint.open-redirect
    return redirect("/" + request.args.get("to", "").lstrip())


@app.route("/dashboard-for")
def dashboard_for():
    # ok: python.taint.open-redirect
    return redirect(url_for("dashboard", user=request.args.get("user", "")))


@app.route("/back-checked")
def back_checked():
    target = request.args.get("to", "/")
    if urlsplit(target).netloc or target.startswith("//"):
        abort(400)
    # ok: python.taint.open-redirect
    return redirect(target)


def after_login(request):
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    # ok: python.taint.open-redirect
    return django_redirect(target)


def resume(request):
    # ruleid: python.taint.open-redirect
    return HttpResponseRedirect(request.COOKIES.get("last_page", "/"))


@api.get("/out")
def out(url: str):
    # ruleid: python.taint.open-redirect
    return RedirectResponse(url=url, status_code=302)


@api.get("/logout")
def logout(next: str = "/"):
    target = next
    target = "/login"
    # ok: python.taint.open-redirect
    return RedirectResponse(target)


@app.route("/tenant", methods=["POST"])
def tenant():
    url = "https://{}/dashboard".format(request.form["tenant_host"])
    # ruleid: python.taint.open-redirect
    return redirect(url)


@app.route("/jump")
def jump():
    page = int(request.args.get("page", "1"))
    # ok: python.taint.open-redirect
    return redirect("/articles?page=%d" % page)
