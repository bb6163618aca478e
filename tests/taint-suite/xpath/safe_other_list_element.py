# taint-suite: cwe=643 vulnerable=no
# the request value is in a list; the query uses a constant element
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
DOC = etree.parse("feeds.xml")


@app.route("/feed")
def feed():
    queries = ["//channel[@id='main']/item/title/text()", request.args.get("extra", "")]
    titles = DOC.xpath(queries[0])
    return {"titles": [str(t) for t in titles], "ignored": queries[1]}
