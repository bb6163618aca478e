# taint-suite: cwe=611 vulnerable=yes
# FastAPI Request body awaited and parsed by lxml.etree.XML
from fastapi import FastAPI, Request
from lxml import etree

app = FastAPI()


@app.post("/orders")
async def orders(request: Request):
    body = await request.body()
    order = etree.XML(body)
    return {"id": order.get("id")}
