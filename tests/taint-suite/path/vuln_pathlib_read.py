# taint-suite: cwe=22 vulnerable=yes
# a pathlib path built with / and read
from pathlib import Path

from fastapi import FastAPI

app = FastAPI()
BASE = Path("/srv/reports")


@app.get("/reports/{name}")
def report(name: str):
    target = BASE / name
    return {"body": target.read_text()}
