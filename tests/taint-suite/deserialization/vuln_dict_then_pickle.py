# taint-suite: cwe=502 vulnerable=yes
# the uploaded bytes go through a dict before unpickling
import pickle

from flask import Flask, request

app = Flask(__name__)


@app.route("/import", methods=["POST"])
def import_data():
    upload = {"name": request.files["f"].filename, "bytes": request.files["f"].read()}
    records = pickle.loads(upload["bytes"])
    return {"count": len(records), "name": upload["name"]}
