# taint-suite: cwe=643 vulnerable=yes
# a login check built as an XPath string
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
USERS = etree.parse("users.xml")


@app.route("/login", methods=["POST"])
def login():
    user = request.form["user"]
    password = request.form["password"]
    query = "//user[name/text()='" + user + "' and password/text()='" + password + "']"
    found = USERS.xpath(query)
    return "welcome" if found else ("denied", 403)
