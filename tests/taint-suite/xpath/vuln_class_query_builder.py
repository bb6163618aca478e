# taint-suite: cwe=643 vulnerable=yes
# a query builder class accumulates predicates
from fastapi import FastAPI
from lxml import etree

app = FastAPI()
DOC = etree.parse("staff.xml")


class XPathQuery:
    def __init__(self, base):
        self.parts = [base]

    def where(self, field, value):
        self.parts.append(f"[{field}='{value}']")
        return self

    def build(self):
        return "".join(self.parts)


@app.get("/staff")
def staff(department: str):
    query = XPathQuery("//employee").where("department", department).build()
    return {"names": DOC.xpath(query + "/name/text()")}
