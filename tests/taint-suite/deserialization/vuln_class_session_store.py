# taint-suite: cwe=502 vulnerable=yes
# a session store class unpickles what the view passes
import base64
import pickle

from flask import Flask, request

app = Flask(__name__)


class CookieSession:
    def __init__(self, cookie):
        self.cookie = cookie

    def load(self):
        if not self.cookie:
            return {}
        return pickle.loads(base64.urlsafe_b64decode(self.cookie))


@app.route("/whoami")
def whoami():
    sess = CookieSession(request.cookies.get("sess"))
    return {"user": sess.load().get("user")}
