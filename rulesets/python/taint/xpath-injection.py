import xml.etree.ElementTree as ET

from django.http import HttpResponse
from fastapi import FastAPI
from flask import Flask, abort, request
from lxml import etree

app = Flask(__name__)
api = FastAPI()
USERS = etree.parse("users.xml")
TREE = ET.parse("inventory.xml")
FIND_SETTING = etree.XPath("/config/setting[@name=$name]/@value")
KINDS = {"tool", "part"}


@app.route("/login", methods=["POST"])
def login():
    user = request.form["user"]
    query = "//user[name/text()='" + user + "']"
    # ruleid: python.taint.xpath-injection
    return "welcome" if USERS.xpath(query) else ("denied", 403)


@app.route("/login-vars", methods=["POST"])
def login_vars():
    # ok: python.taint.xpath-injection
    found = USERS.xpath("//user[name/text()=$u]", u=request.form["user"])
    return "welcome" if found else ("denied", 403)


@app.route("/setting/<name>")
def setting(name):
    # ruleid: python.taint.xpath-injection
    find = etree.XPath(f"/config/setting[@name='{name}']/@value")
    return str(find(USERS))


@app.route("/setting-compiled/<name>")
def setting_compiled(name):
    # ok: python.taint.xpath-injection
    return str(FIND_SETTING(USERS, name=name))


@app.route("/items")
def items():
    path = ".//item[@kind='%s']" % request.args.get("kind", "tool")
    # ruleid: python.taint.xpath-injection
    return {"items": [e.get("name") for e in TREE.getroot().findall(path)]}


@app.route("/items-checked")
def items_checked():
    kind = request.args.get("kind", "tool")
    if kind not in KINDS:
        abort(400)
    # ok: python.taint.xpath-injection
    return {"items": [e.get("name") for e in TREE.getroot().findall(".//item[@kind='%s']" % kind)]}


def price(request):
    pid = int(request.GET.get("id", "0"))
    # ok: python.taint.xpath-injection
    return HttpResponse(str(USERS.xpath("//product[@id=%d]/price/text()" % pid)))


def balance(request, account):
    account = account.strip().upper()
    # ruleid: python.taint.xpath-injection
    return HttpResponse(str(USERS.xpath("//account[@number='%s']" % account)))


@api.get("/staff")
def staff(department: str):
    found = []
    # ok: python.taint.xpath-injection
    for employee in USERS.xpath("//employee"):
        if employee.findtext("department") == department:
            found.append(employee.findtext("name"))
    return {"names": found}
