# taint-suite: cwe=643 vulnerable=no
# the value is passed as an XPath variable
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
USERS = etree.parse("users.xml")


@app.route("/login", methods=["POST"])
def login():
    user = request.form["user"]
    password = request.form["password"]
    found = USERS.xpath("//user[name/text()=$u and password/text()=$p]", u=user, p=password)
    return "welcome" if found else ("denied", 403)
