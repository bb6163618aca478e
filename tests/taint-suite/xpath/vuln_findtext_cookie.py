# taint-suite: cwe=643 vulnerable=yes
# a cookie value used as an ElementTree findtext path
import xml.etree.ElementTree as ET

from flask import Flask, request

app = Flask(__name__)
STRINGS = ET.parse("strings.xml").getroot()


@app.route("/label")
def label():
    lang = request.cookies.get("lang", "en")
    key = request.args.get("key", "title")
    text = STRINGS.findtext("./%s/%s" % (lang, key))
    return {"label": text}
