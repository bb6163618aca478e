# taint-suite: cwe=117 vulnerable=yes
# an audit helper class logs what it is given
import logging

from fastapi import FastAPI

app = FastAPI()


class Audit:
    def __init__(self):
        self.logger = logging.getLogger("audit")

    def record(self, action, subject):
        self.logger.info("%s: %s", action, subject)


@app.post("/delete")
def delete(item: str):
    Audit().record("delete", item)
    return {"deleted": item}
