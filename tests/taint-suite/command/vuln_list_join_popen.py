# taint-suite: cwe=78 vulnerable=yes
# arguments appended to a list, joined and run by os.popen
import os
from flask import Flask, request

app = Flask(__name__)


@app.route("/grep")
def grep():
    args = ["grep", "-n"]
    args.append(request.args["pattern"])
    args.append("/var/log/app.log")
    return os.popen(" ".join(args)).read()
