import json
import logging
import sys

from django.http import HttpResponse
from fastapi import FastAPI
from flask import Flask, request

app = Flask(__name__)
api = FastAPI()
log = logging.getLogger(__name__)


@app.route("/login", methods=["POST"])
def login():
    user = request.form.get("user", "")
    # ruleid: python.taint.log-injection
    log.warning("failed login for " + user)
    return "denied", 403


@app.route("/login-repr", methods=["POST"])
def login_repr():
    user = request.form.get("user", "")
    # ok: python.taint.log-injection
    log.warning("failed login for %s", repr(user))
    # ok: python.taint.log-injection
    log.warning("failed login for %r", user)
    return "denied", 403


def download(request):
    agent = request.META.get("HTTP_USER_AGENT", "")
    # ruleid: python.taint.log-injection
    logging.info(f"download by {agent}")
    clean = agent.replace("\n", " ").replace("\r", " ")
    # ok: python.taint.log-injection
    logging.info("download by %s", clean)
    return HttpResponse("ok")


@app.route("/search")
def search():
    q = request.args.get("q", "")
    # ruleid: python.taint.log-injection
    app.logger.info("search for %s", q)
    # ok: python.taint.log-injection
    app.logger.info("search of %d characters", len(q))
    # ok: python.taint.log-injection
    app.logger.info("search for %s", json.dumps(q))
    return {"results": []}


@api.post("/delete")
def delete(item: str):
    # ruleid: python.taint.log-injection
    log.error("delete: %s", item.strip())
    return {"deleted": True}


def main():
    # ruleid: python.taint.log-injection
    log.info("processing %s", sys.argv[1])
