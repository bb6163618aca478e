import os
import secrets

from flask import Flask

app = Flask(__name__)
DEFAULT_KEY = "s3cr3t-" + "flask-key"

# ruleid: python.flask.hardcoded-secret-key
app.secret_key = "dev-secret-change-me"

# ruleid: python.flask.hardcoded-secret-key
app.config["SECRET_KEY"] = DEFAULT_KEY


def create_app(config=None):
    application = Flask(__name__, instance_relative_config=True)
    # ruleid: python.flask.hardcoded-secret-key
    application.config.from_mapping(SECRET_KEY="dev", DATABASE="app.sqlite")
    # ruleid: python.flask.hardcoded-secret-key
    application.config.update({"SECRET_KEY": "9f2c4e1a7b", "SESSION_COOKIE_NAME": "sid"})
    # ruleid: python.flask.hardcoded-secret-key
    application.secret_key = os.environ.get("FLASK_SECRET_KEY", "fallback-secret")
    return application


def configure(application):
    # ok: python.flask.hardcoded-secret-key
    application.secret_key = os.environ["FLASK_SECRET_KEY"]
    # ok: python.flask.hardcoded-secret-key
    application.config["SECRET_KEY"] = secrets.token_hex(32)
    # ok: python.flask.hardcoded-secret-key
    application.config.from_mapping(SECRET_KEY=os.environ.get("FLASK_SECRET_KEY"))
    # ok: python.flask.hardcoded-secret-key
    application.config["SECRET_KEY"] = os.getenv("FLASK_SECRET_KEY", "")


def make_test_app():
    application = Flask(__name__)
    # ok: python.flask.hardcoded-secret-key
    application.config.update(TESTING=True, SECRET_KEY="test")
    return application


def session_name(application):
    # ok: python.flask.hardcoded-secret-key
    application.config["SESSION_COOKIE_NAME"] = "sid"
