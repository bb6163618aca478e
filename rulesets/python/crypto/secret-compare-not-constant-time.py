import hashlib
import hmac

from flask import abort, request


def verify_webhook(secret, body, signature):
    expected = hmac.new(secret, body, hashlib.sha256).hexdigest()
    # ruleid: python.crypto.secret-compare-not-constant-time
    return expected == signature


def verify_github(secret):
    digest = hmac.new(secret, request.get_data(), hashlib.sha256)
    # ruleid: python.crypto.secret-compare-not-constant-time
    if "sha256=" + digest.hexdigest() != request.headers.get("X-Hub-Signature-256"):
        abort(403)


def check_api_key(user, presented):
    # ruleid: python.crypto.secret-compare-not-constant-time
    return presented == user.api_key


def check_reset(user, reset_token):
    # ruleid: python.crypto.secret-compare-not-constant-time
    if user.reset_token != reset_token:
        raise PermissionError("invalid reset link")


class CsrfMiddleware:
    def check(self, form):
        # ruleid: python.crypto.secret-compare-not-constant-time
        return form.get("csrf") == self.session["csrf_token"]


def login(user, password):
    # ruleid: python.crypto.secret-compare-not-constant-time
    return user.password == password


def check_hmac(key, msg, mac):
    # ruleid: python.crypto.secret-compare-not-constant-time
    return hmac.new(key, msg, hashlib.sha256).digest() == mac


def verify_webhook_safe(secret, body, signature):
    expected = hmac.new(secret, body, hashlib.sha256).hexdigest()
    # ok: python.crypto.secret-compare-not-constant-time
    return hmac.compare_digest(expected, signature)


def has_token(request_headers):
    token = request_headers.get("Authorization")
    # ok: python.crypto.secret-compare-not-constant-time
    return token != None and token != ""


def validate_signup(form):
    # ok: python.crypto.secret-compare-not-constant-time
    if form["password"] != form["confirm_password"]:
        raise ValueError("passwords do not match")


def count_tokens(tokens, limit):
    # ok: python.crypto.secret-compare-not-constant-time
    return len(tokens) == limit


def is_bearer(token_type):
    # ok: python.crypto.secret-compare-not-constant-time
    return token_type == "Bearer"


def no_secret_configured(settings):
    # ok: python.crypto.secret-compare-not-constant-time
    return settings.secret == ""
