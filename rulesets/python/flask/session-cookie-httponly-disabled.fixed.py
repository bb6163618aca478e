from flask import Flask

app = Flask(__name__)

# ruleid: python.flask.session-cookie-httponly-disabled
app.config["SESSION_COOKIE_HTTPONLY"] = True


def create_app():
    application = Flask(__name__)
    application.config.update(
        SESSION_COOKIE_NAME="sid",
        # ruleid: python.flask.session-cookie-httponly-disabled
        REMEMBER_COOKIE_HTTPONLY=True,
    )
    # ruleid: python.flask.session-cookie-httponly-disabled
    application.config.from_mapping(SESSION_COOKIE_HTTPONLY=True)
    return application


def harden(application):
    # ok: python.flask.session-cookie-httponly-disabled
    application.config["SESSION_COOKIE_HTTPONLY"] = True
    # ok: python.flask.session-cookie-httponly-disabled
    application.config.update(SESSION_COOKIE_SECURE=True, REMEMBER_COOKIE_HTTPONLY=True)
    # ok: python.flask.session-cookie-httponly-disabled
    application.config["SESSION_REFRESH_EACH_REQUEST"] = False
