import json
import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.post("/login")
def login():
    # ruleid: python.logging.request-data-in-log
    logger.debug("login request headers=%s", request.headers)
    return authenticate(request.form["email"], request.form["password"])


@app.post("/webhook")
def webhook():
    # ruleid: python.logging.request-data-in-log
    app.logger.info(f"webhook body: {request.get_data(as_text=True)}")
    return "", 204


@app.post("/orders")
def create_order():
    # ruleid: python.logging.request-data-in-log
    logging.warning("order payload %s", json.dumps(request.json))
    return "", 201


@app.post("/profile")
def update_profile():
    # ruleid: python.logging.request-data-in-log
    logger.info("profile update", extra={"form": request.form.to_dict()})
    return "", 204


class AuditMiddleware:
    def __call__(self, request):
        # ruleid: python.logging.request-data-in-log
        logger.info("request meta: %s", dict(request.META))
        return self.get_response(request)


class ApiView:
    def post(self):
        # ruleid: python.logging.request-data-in-log
        self.log.debug("cookies: %r", self.request.COOKIES)


@app.post("/login-safe")
def login_safe():
    # ok: python.logging.request-data-in-log
    logger.debug("login from %s for %s", request.headers.get("User-Agent"), request.form.get("email"))
    return authenticate(request.form["email"], request.form["password"])


@app.post("/upload")
def upload():
    # ok: python.logging.request-data-in-log
    logger.info("upload of %d bytes, json=%s", len(request.data), request.is_json)
    return "", 204


@app.get("/search")
def search():
    # ok: python.logging.request-data-in-log
    logger.info("search %s", request.args)
    return "", 200


@app.post("/hook")
def hook():
    # ok: python.logging.request-data-in-log
    logger.info("signature present: %s", "X-Signature" in request.headers)
    return "", 204
