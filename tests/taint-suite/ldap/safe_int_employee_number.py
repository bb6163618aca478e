# taint-suite: cwe=90 vulnerable=no
# an employee number converted with int()
from fastapi import FastAPI
from ldap3 import Connection, Server

app = FastAPI()


@app.get("/employee/{number}")
def employee(number: str):
    conn = Connection(Server("ldap://ldap.example.org"), auto_bind=True)
    conn.search("dc=example,dc=org", "(employeeNumber=%d)" % int(number), attributes=["cn"])
    return {"n": len(conn.entries)}
