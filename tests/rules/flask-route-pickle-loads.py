import json
import pickle

from flask import Blueprint, Flask, request
from flask_login import login_required
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
bp = Blueprint("api", __name__)
csrf = CSRFProtect(app)


@app.route("/restore", methods=["POST"])
def restore():
    # ruleid: flask-route-pickle-loads
    state = pickle.loads(request.data)
    return {"restored": len(state)}


@bp.route("/upload", methods=["POST"])
def upload():
    fh = request.files["state"]
    # ruleid: flask-route-pickle-loads
    return {"keys": list(pickle.load(fh.stream))}


@app.route("/async-import", methods=["POST"])
async def async_import():
    # ruleid: flask-route-pickle-loads
    items = pickle.loads(await request.get_data())
    return {"count": len(items)}


@app.route("/preview")
@csrf.exempt
def preview():
    def decode(blob):
        # ruleid: flask-route-pickle-loads
        return pickle.loads(blob)

    return {"preview": decode(request.args["blob"].encode("latin-1"))}


@app.route("/admin/restore", methods=["POST"])
@login_required
def admin_restore():
    # ok: flask-route-pickle-loads
    state = pickle.loads(request.data)
    return {"restored": len(state)}


@login_required
@bp.route("/admin/upload", methods=["POST"])
def admin_upload():
    # ok: flask-route-pickle-loads
    return {"keys": list(pickle.load(request.files["state"].stream))}


@app.route("/import", methods=["POST"])
def import_json():
    # ok: flask-route-pickle-loads
    return {"count": len(json.loads(request.data))}


def load_cache(path):
    with open(path, "rb") as fh:
        # ok: flask-route-pickle-loads
        return pickle.load(fh)


@app.route("/mixed", methods=["POST"])
def mixed():
    @login_required
    def privileged(blob):
        # ok: flask-route-pickle-loads
        return pickle.loads(blob)

    # ruleid: flask-route-pickle-loads
    return {"a": privileged(request.data), "b": pickle.loads(request.data)}


@app.errorhandler(500)
def on_error(exc):
    # ok: flask-route-pickle-loads
    return pickle.loads(exc.args[0])
