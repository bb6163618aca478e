# taint-suite: cwe=643 vulnerable=yes
# a request header selects nodes with iterfind
import xml.etree.ElementTree as ET

from flask import Flask, request

app = Flask(__name__)
ROOT = ET.parse("feeds.xml").getroot()


@app.route("/feeds")
def feeds():
    channel = request.headers.get("X-Channel", "main")
    sel = "channel[@id='" + channel + "']/item"
    return {"titles": [i.findtext("title") for i in ROOT.iterfind(sel)]}
