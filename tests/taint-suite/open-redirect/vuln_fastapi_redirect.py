# taint-suite: cwe=601 vulnerable=yes
# FastAPI RedirectResponse with a query parameter
from fastapi import FastAPI
from fastapi.responses import RedirectResponse

app = FastAPI()


@app.get("/out")
def out(url: str):
    return RedirectResponse(url=url, status_code=302)
