# taint-suite: cwe=117 vulnerable=no
# only the length of the value is logged
import logging

from fastapi import FastAPI

app = FastAPI()
logger = logging.getLogger("api")


@app.post("/upload")
def upload(content: str):
    logger.info("upload of %d characters", len(content))
    return {"ok": True}
