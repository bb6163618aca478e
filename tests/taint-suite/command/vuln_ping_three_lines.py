# taint-suite: cwe=78 vulnerable=yes
# host read, formatted and run with shell=True on separate lines
import subprocess
from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args.get("host", "localhost")
    command = "ping -c 1 %s" % host
    output = subprocess.check_output(command, shell=True)
    return output.decode()
