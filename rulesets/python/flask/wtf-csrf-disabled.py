import os

from flask import Flask
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField

app = Flask(__name__)

# ruleid: python.flask.wtf-csrf-disabled
app.config["WTF_CSRF_ENABLED"] = False


class ProductionConfig:
    SECRET_KEY = os.environ.get("SECRET_KEY")
    # ruleid: python.flask.wtf-csrf-disabled
    WTF_CSRF_ENABLED = False


class TestingConfig:
    TESTING = True
    # ok: python.flask.wtf-csrf-disabled
    WTF_CSRF_ENABLED = False


def create_app():
    application = Flask(__name__)
    # ruleid: python.flask.wtf-csrf-disabled
    application.config.from_mapping(SECRET_KEY=os.environ["SECRET_KEY"], WTF_CSRF_ENABLED=False)
    return application


def create_test_app():
    application = Flask(__name__)
    # ok: python.flask.wtf-csrf-disabled
    application.config.update(TESTING=True, WTF_CSRF_ENABLED=False)
    return application


class ApiLoginForm(FlaskForm):
    username = StringField("Username")
    password = PasswordField("Password")

    class Meta:
        # ruleid: python.flask.wtf-csrf-disabled
        csrf = False


def search_form(data):
    # ruleid: python.flask.wtf-csrf-disabled
    return ApiLoginForm(data=data, meta={"csrf": False})


class ProfileForm(FlaskForm):
    display_name = StringField("Name")

    class Meta:
        # ok: python.flask.wtf-csrf-disabled
        csrf_time_limit = 1800


def secure_app():
    application = Flask(__name__)
    # ok: python.flask.wtf-csrf-disabled
    application.config["WTF_CSRF_ENABLED"] = True
    # ok: python.flask.wtf-csrf-disabled
    application.config["WTF_CSRF_SSL_STRICT"] = False
    return application
