import base64
import io
import json
import marshal
import pickle

import joblib
import jsonpickle
import redis
import torch
import yaml
from django.http import JsonResponse
from fastapi import FastAPI, File
from flask import Flask, request

app = Flask(__name__)
api = FastAPI()
cache = redis.Redis()


@app.route("/cart")
def cart():
    raw = base64.b64decode(request.cookies.get("cart", ""))
    # ruleid: python.taint.deserialization
    items = pickle.loads(raw)
    return {"items": len(items)}


@app.route("/cart-json")
def cart_json():
    raw = base64.b64decode(request.cookies.get("cart", "e30="))
    # ok: python.taint.deserialization
    return {"items": len(json.loads(raw))}


@app.route("/config", methods=["POST"])
def config():
    text = request.files["config"].read().decode()
    # ruleid: python.taint.deserialization
    conf = yaml.load(text, Loader=yaml.Loader)
    return {"keys": sorted(conf)}


@app.route("/config-safe", methods=["POST"])
def config_safe():
    text = request.files["config"].read().decode()
    # ok: python.taint.deserialization
    conf = yaml.load(text, Loader=yaml.SafeLoader)
    # ok: python.taint.deserialization
    other = yaml.safe_load(text)
    return {"keys": sorted(conf), "other": sorted(other)}


def decode_job(data):
    # ruleid: python.taint.deserialization
    return pickle.loads(data)


def submit(request):
    return JsonResponse({"job": str(decode_job(request.body))})


@app.route("/restore", methods=["POST"])
def restore():
    # ruleid: python.taint.deserialization
    obj = jsonpickle.decode(request.form["state"])
    return {"type": type(obj).__name__}


@api.post("/models")
def upload_model(data: bytes = File(...)):
    # ruleid: python.taint.deserialization
    model = joblib.load(io.BytesIO(data))
    return {"type": type(model).__name__}


@app.route("/run")
def run():
    # ruleid: python.taint.deserialization
    obj = marshal.loads(bytes.fromhex(request.headers.get("X-Payload", "")))
    return {"type": type(obj).__name__}


@app.route("/checkpoint", methods=["POST"])
def checkpoint():
    buffer = io.BytesIO(request.get_data())
    # ruleid: python.taint.deserialization
    state = torch.load(buffer, map_location="cpu")
    # ok: python.taint.deserialization
    weights = torch.load(buffer, map_location="cpu", weights_only=True)
    return {"keys": list(state), "weights": list(weights)}


@app.route("/snapshot")
def snapshot():
    parts = {"data": pickle.dumps([1, 2]), "label": request.args.get("label", "")}
    # ok: python.taint.deserialization
    return {"values": pickle.loads(parts["data"]), "label": parts["label"]}


@app.route("/report")
def report():
    blob = cache.get("report:" + request.args.get("id", "latest"))
    # The value was written by the server; only the key is the user's.
    # todook: python.taint.deserialization
    return {"report": pickle.loads(blob)}
