# taint-suite: cwe=502 vulnerable=no
# request data is pickled (dumps), never loaded
import pickle

from fastapi import FastAPI

app = FastAPI()
QUEUE = []


@app.post("/enqueue")
def enqueue(name: str, priority: int = 0):
    QUEUE.append(pickle.dumps({"name": name, "priority": priority}))
    return {"queued": len(QUEUE)}
