# taint-suite: cwe=611 vulnerable=yes
# lxml iterparse over an uploaded file
from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.route("/bulk", methods=["POST"])
def bulk():
    count = 0
    for _, elem in etree.iterparse(request.files["feed"], events=("end",)):
        if elem.tag == "item":
            count += 1
    return {"items": count}
