# taint-suite: cwe=502 vulnerable=no
# yaml.load with the C safe loader
import yaml
from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/config")
async def config(request: Request):
    body = await request.body()
    return {"keys": sorted(yaml.load(body, Loader=yaml.CSafeLoader))}
