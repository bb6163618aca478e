# taint-suite: cwe=79 vulnerable=yes
# an error page echoes the path parameter, returned with a status
from flask import Flask

app = Flask(__name__)
PAGES = {"about": "<p>About us</p>"}


@app.route("/page/<slug>")
def page(slug):
    if slug in PAGES:
        return PAGES[slug]
    return "<p>Page %s not found</p>" % slug, 404
