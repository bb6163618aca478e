import urllib.request
from urllib.parse import quote, urlparse

import httpx
import requests
from django.http import HttpResponse, JsonResponse
from fastapi import FastAPI
from flask import Flask, abort, request

app = Flask(__name__)
api = FastAPI()
ALLOWED = {"images.example.org"}


@app.route("/preview")
def preview():
    url = request.args.get("url", "")
    # ruleid: python.taint.ssrf
    return requests.get(url, timeout=5).text


@app.route("/preview-checked")
def preview_checked():
    url = request.args.get("url", "")
    if urlparse(url).hostname not in ALLOWED:
        abort(400)
    # ok: python.taint.ssrf
    return requests.get(url, timeout=5).text


class Webhook:
    def __init__(self, endpoint):
        self.endpoint = endpoint

    def send(self, event):
        # ruleid: python.taint.ssrf
        return requests.post(self.endpoint, json=event, timeout=3)


@app.route("/hooks/test", methods=["POST"])
def test_hook():
    hook = Webhook(request.json["endpoint"])
    return {"status": hook.send({"type": "ping"}).status_code}


def status(request):
    url = "http://%s:8080/health" % request.GET["host"]
    # ruleid: python.taint.ssrf
    with urllib.request.urlopen(url, timeout=2) as resp:
        return HttpResponse(resp.read())


@api.get("/fetch")
def fetch(target: str):
    # A sink inside a sanitizer (len) is still checked.
    # ruleid: python.taint.ssrf
    return {"len": len(httpx.get(target, timeout=5.0).content)}


@api.get("/weather")
def weather(city: str):
    # ok: python.taint.ssrf
    return httpx.get("https://api.weather.example/v1", params={"q": city}, timeout=5.0).json()


def user(request, user_id):
    # ok: python.taint.ssrf
    return JsonResponse(requests.get(f"https://api.example.org/users/{int(user_id)}", timeout=5).json())


@app.route("/wiki")
def wiki():
    title = quote(request.args.get("title", ""), safe="")
    # ok: python.taint.ssrf
    return requests.get("https://en.wikipedia.org/wiki/" + title, timeout=5).text


@app.route("/subscribe", methods=["POST"])
def subscribe():
    # ok: python.taint.ssrf
    requests.post("https://lists.example.org/api", json={"email": request.form["email"]}, timeout=5)
    return "ok"
