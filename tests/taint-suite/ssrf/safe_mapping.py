# taint-suite: cwe=918 vulnerable=no
# the request picks a key of a constant table of URLs
import requests
from flask import Flask, abort, request

app = Flask(__name__)
FEEDS = {"news": "https://example.org/news.rss", "blog": "https://example.org/blog.rss"}


@app.route("/feed")
def feed():
    name = request.args.get("name", "news")
    if name not in FEEDS:
        abort(404)
    return requests.get(FEEDS[name], timeout=5).text
