# taint-suite: cwe=90 vulnerable=yes
# a route parameter becomes part of the search base
from fastapi import FastAPI
from ldap3 import Connection, Server

app = FastAPI()


@app.get("/ou/{unit}")
def unit_people(unit: str):
    conn = Connection(Server("ldap://ldap.example.org"), auto_bind=True)
    conn.search(search_base="ou=" + unit + ",dc=example,dc=org", search_filter="(objectClass=person)")
    return {"count": len(conn.entries)}
