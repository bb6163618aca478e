# taint-suite: cwe=502 vulnerable=yes
# an uploaded YAML file loaded with the unsafe Loader
import yaml
from flask import Flask, request

app = Flask(__name__)


@app.route("/config", methods=["POST"])
def config():
    text = request.files["config"].read().decode()
    conf = yaml.load(text, Loader=yaml.Loader)
    return {"keys": sorted(conf)}
