# taint-suite: cwe=502 vulnerable=yes
# a model upload loaded with joblib
import io

import joblib
from fastapi import FastAPI, File

app = FastAPI()


@app.post("/models")
def upload_model(data: bytes = File(...)):
    model = joblib.load(io.BytesIO(data))
    return {"type": type(model).__name__}
