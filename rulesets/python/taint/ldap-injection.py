import re

import ldap
import ldap.filter
from django.http import JsonResponse
from fastapi import FastAPI
from flask import Flask, abort, request
from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars

app = Flask(__name__)
api = FastAPI()
BASE = "ou=people,dc=example,dc=org"


@app.route("/login", methods=["POST"])
def login():
    search_filter = "(&(objectClass=person)(uid=%s))" % request.form["user"]
    conn = ldap.initialize("ldap://ldap.example.org")
    # ruleid: python.taint.ldap-injection
    return str(conn.search_s(BASE, ldap.SCOPE_SUBTREE, search_filter))


@app.route("/login-escaped", methods=["POST"])
def login_escaped():
    user = ldap.filter.escape_filter_chars(request.form["user"])
    conn = ldap.initialize("ldap://ldap.example.org")
    # ok: python.taint.ldap-injection
    return str(conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(uid=%s)" % user))


def directory(request):
    conn = Connection(Server("ldap://ldap.example.org"), auto_bind=True)
    # ruleid: python.taint.ldap-injection
    conn.search("dc=example,dc=org", f"(cn={request.GET.get('cn', '')}*)", attributes=["mail"])
    return JsonResponse({"n": len(conn.entries)})


@api.get("/ou/{unit}")
def unit_people(unit: str):
    conn = Connection(Server("ldap://ldap.example.org"), auto_bind=True)
    # ruleid: python.taint.ldap-injection
    conn.search(search_base="ou=" + unit + ",dc=example,dc=org", search_filter="(objectClass=person)")
    return {"n": len(conn.entries)}


@api.get("/people")
def people(name: str):
    conn = Connection(Server("ldap://ldap.example.org"), auto_bind=True)
    # ok: python.taint.ldap-injection
    conn.search("dc=example,dc=org", "(cn=%s*)" % escape_filter_chars(name), attributes=["mail"])
    return {"n": len(conn.entries)}


@app.route("/uid")
def by_uid():
    uid = request.args.get("uid", "")
    if not uid.isalnum():
        abort(400)
    conn = ldap.initialize("ldap://ldap.example.org")
    # ok: python.taint.ldap-injection
    return str(conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(uid=%s)" % uid))


@app.route("/match")
def match():
    needle = request.args.get("q", "")
    # ok: python.taint.ldap-injection
    return {"names": [n for n in ["alice", "bob"] if re.search(needle, n)]}


def main():
    conn = ldap.initialize("ldap://localhost")
    uid = input("uid: ").strip()
    # ruleid: python.taint.ldap-injection
    for dn, _ in conn.search_s("dc=example,dc=org", ldap.SCOPE_SUBTREE, "(uid=" + uid + ")"):
        print(dn)
