# taint-suite: cwe=79 vulnerable=yes
# FastAPI HTMLResponse with a query parameter
from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/page", response_class=HTMLResponse)
def page(title: str = "Home"):
    parts = ["<html><head><title>", title, "</title></head></html>"]
    return HTMLResponse(content="".join(parts))
