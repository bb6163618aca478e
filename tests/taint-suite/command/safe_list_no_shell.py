# taint-suite: cwe=78 vulnerable=no
# an argument list without a shell
import subprocess
from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args.get("host", "localhost")
    output = subprocess.check_output(["ping", "-c", "1", "--", host])
    return output.decode()
