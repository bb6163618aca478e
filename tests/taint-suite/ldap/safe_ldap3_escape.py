# taint-suite: cwe=90 vulnerable=no
# ldap3's escape_filter_chars
from fastapi import FastAPI
from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = FastAPI()


@app.get("/people")
def people(name: str):
    conn = Connection(Server("ldap://ldap.example.org"), auto_bind=True)
    conn.search("dc=example,dc=org", "(cn=%s*)" % escape_filter_chars(name), attributes=["mail"])
    return {"n": len(conn.entries)}
