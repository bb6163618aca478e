from django.http import HttpResponse
from flask import Flask, Response, abort, make_response, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
ORIGINS = {"https://app.example.org"}


@app.route("/export")
def export():
    name = request.args.get("name", "export")
    resp = make_response("a,b,c\n")
    # ruleid: python.taint.header-injection
    resp.headers["Content-Disposition"] = "attachment; filename=%s.csv" % name
    return resp


@app.route("/export-safe")
def export_safe():
    name = secure_filename(request.args.get("name", "export"))
    resp = make_response("a,b,c\n")
    # ok: python.taint.header-injection
    resp.headers["Content-Disposition"] = "attachment; filename=%s.csv" % name
    return resp


def tracked(request):
    response = HttpResponse("ok")
    # ruleid: python.taint.header-injection
    response["X-Campaign"] = request.GET.get("campaign", "")
    return response


def cached(request):
    seconds = int(request.GET.get("ttl", "60"))
    response = HttpResponse("ok")
    # ok: python.taint.header-injection
    response["Cache-Control"] = "max-age=%d" % seconds
    return response


@app.route("/cors")
def cors():
    origin = request.headers.get("Origin", "")
    # ruleid: python.taint.header-injection
    return Response("{}", headers={"Access-Control-Allow-Origin": origin})


@app.route("/cors-checked")
def cors_checked():
    origin = request.headers.get("Origin", "")
    if origin not in ORIGINS:
        abort(403)
    # ok: python.taint.header-injection
    return Response("{}", headers={"Access-Control-Allow-Origin": origin})


@app.route("/lang")
def lang():
    resp = make_response("ok")
    # ruleid: python.taint.header-injection
    resp.headers.set("Content-Language", request.cookies.get("lang", "en"))
    return resp


@app.route("/tagged")
def tagged():
    value = request.args.get("tag", "").replace("\r", "").replace("\n", "")
    resp = make_response("ok")
    # ok: python.taint.header-injection
    resp.headers["X-Request-Tag"] = value
    return resp
