# taint-suite: cwe=918 vulnerable=yes
# a webhook client class posts to a URL registered by the user
import requests
from flask import Flask, request

app = Flask(__name__)


class Webhook:
    def __init__(self, endpoint):
        self.endpoint = endpoint

    def send(self, event):
        return requests.post(self.endpoint, json=event, timeout=3)


@app.route("/hooks/test", methods=["POST"])
def test_hook():
    hook = Webhook(request.json["endpoint"])
    return {"status": hook.send({"type": "ping"}).status_code}
