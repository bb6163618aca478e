# taint-suite: cwe=918 vulnerable=yes
# FastAPI parameter fetched with httpx
import httpx
from fastapi import FastAPI

app = FastAPI()


@app.get("/fetch")
def fetch(target: str):
    r = httpx.get(target, timeout=5.0)
    return {"len": len(r.content)}
