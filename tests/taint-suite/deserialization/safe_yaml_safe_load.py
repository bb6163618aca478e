# taint-suite: cwe=502 vulnerable=no
# yaml.safe_load of the uploaded file
import yaml
from flask import Flask, request

app = Flask(__name__)


@app.route("/config", methods=["POST"])
def config():
    text = request.files["config"].read().decode()
    conf = yaml.safe_load(text)
    return {"keys": sorted(conf)}
