# taint-suite: cwe=502 vulnerable=yes
# a checkpoint upload loaded with torch.load without weights_only
import io

import torch
from flask import Flask, request

app = Flask(__name__)


@app.route("/checkpoint", methods=["POST"])
def checkpoint():
    buffer = io.BytesIO(request.get_data())
    state = torch.load(buffer, map_location="cpu")
    return {"keys": list(state)[:10]}
