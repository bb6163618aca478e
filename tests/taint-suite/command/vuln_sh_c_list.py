# taint-suite: cwe=78 vulnerable=yes
# the value is the script of sh -c inside an argument list
import subprocess
from fastapi import FastAPI

app = FastAPI()


@app.post("/jobs")
def run_job(name: str):
    script = f"cd /srv/jobs && ./{name}.sh"
    proc = subprocess.run(["sh", "-c", script], capture_output=True, text=True)
    return {"out": proc.stdout}
