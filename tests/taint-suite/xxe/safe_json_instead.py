# taint-suite: cwe=611 vulnerable=no
# the endpoint reads JSON; an XML document is built server-side
from fastapi import FastAPI
from lxml import etree

app = FastAPI()


@app.post("/orders")
def orders(order_id: int):
    root = etree.Element("order")
    root.set("id", str(order_id))
    parsed = etree.fromstring(etree.tostring(root))
    return {"id": parsed.get("id")}
