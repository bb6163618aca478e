# taint-suite: cwe=502 vulnerable=no
# torch.load with weights_only=True
import io

import torch
from flask import Flask, request

app = Flask(__name__)


@app.route("/checkpoint", methods=["POST"])
def checkpoint():
    state = torch.load(io.BytesIO(request.get_data()), map_location="cpu", weights_only=True)
    return {"keys": list(state)[:10]}
