import os

from flask import Flask
from flask_socketio import SocketIO

from myapp import create_app

app = Flask(__name__)
socketio = SocketIO(app)
DEV_MODE = True


def run_dev_server():
    # ruleid: python.flask.debug-enabled
    app.run(debug=False)


def run_public():
    app.run(
        host="0.0.0.0",
        port=8080,
        # ruleid: python.flask.debug-enabled
        debug=False,
    )


def run_factory():
    # ruleid: python.flask.debug-enabled
    create_app("development").run(port=5001, debug=False)


def run_realtime():
    # ruleid: python.flask.debug-enabled
    socketio.run(app, debug=False)


def run_from_constant():
    # ruleid: python.flask.debug-enabled
    app.run(debug=False)


def run_production():
    # ok: python.flask.debug-enabled
    app.run(debug=False)


def run_from_env():
    # ok: python.flask.debug-enabled
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")


def run_default():
    # ok: python.flask.debug-enabled
    app.run(host="127.0.0.1", port=5000)


def run_worker(worker):
    # ok: python.flask.debug-enabled
    worker.run(verbose=True)
