# taint-suite: cwe=22 vulnerable=no
# a numeric id converted with int() names the file
from fastapi import FastAPI

app = FastAPI()


@app.get("/invoices/{invoice_id}")
def invoice(invoice_id: str):
    number = int(invoice_id)
    with open(f"/srv/invoices/{number:08d}.pdf", "rb") as fh:
        return {"size": len(fh.read())}
