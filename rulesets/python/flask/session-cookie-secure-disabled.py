import os

from flask import Flask

app = Flask(__name__)

# ruleid: python.flask.session-cookie-secure-disabled
app.config["SESSION_COOKIE_SECURE"] = False


def create_app():
    application = Flask(__name__)
    application.config.update(
        SESSION_COOKIE_SAMESITE="Lax",
        # ruleid: python.flask.session-cookie-secure-disabled
        SESSION_COOKIE_SECURE=False,
    )
    # ruleid: python.flask.session-cookie-secure-disabled
    application.config.from_mapping(REMEMBER_COOKIE_SECURE=False)
    # ruleid: python.flask.session-cookie-secure-disabled
    application.config.update({"SESSION_COOKIE_SECURE": False, "SESSION_COOKIE_NAME": "sid"})
    return application


def harden(application):
    # ok: python.flask.session-cookie-secure-disabled
    application.config["SESSION_COOKIE_SECURE"] = True
    # ok: python.flask.session-cookie-secure-disabled
    application.config.update(REMEMBER_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True)
    # ok: python.flask.session-cookie-secure-disabled
    application.config["SESSION_COOKIE_SECURE"] = os.environ.get("HTTPS") == "on"


def create_test_app():
    application = Flask(__name__)
    # ok: python.flask.session-cookie-secure-disabled
    application.config.update(TESTING=True, SESSION_COOKIE_SECURE=False)
    return application
