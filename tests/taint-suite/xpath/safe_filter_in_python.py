# taint-suite: cwe=643 vulnerable=no
# the value is compared in Python after a constant query
from fastapi import FastAPI
from lxml import etree

app = FastAPI()
DOC = etree.parse("catalog.xml")


@app.get("/books")
def books(author: str):
    found = []
    for book in DOC.xpath("//book"):
        if book.findtext("author") == author:
            found.append(book.findtext("title"))
    return {"titles": found}
