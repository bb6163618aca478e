# taint-suite: cwe=78 vulnerable=no
# the request picks a key; the command comes from a constant table
import subprocess
from fastapi import FastAPI, HTTPException

app = FastAPI()

COMMANDS = {"disk": "df -h", "mem": "free -m", "load": "uptime"}


@app.get("/health/{check}")
def health(check: str):
    command = COMMANDS.get(check)
    if command is None:
        raise HTTPException(status_code=404)
    return {"out": subprocess.getoutput(COMMANDS[check])}
