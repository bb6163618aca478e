# taint-suite: cwe=95 vulnerable=yes
# a rule engine class compiles its condition from the request
from flask import Flask, request

app = Flask(__name__)


class Rule:
    def __init__(self, condition):
        self.condition = condition

    def matches(self, context):
        return eval(self.condition, {"__builtins__": {}}, context)


@app.route("/rules/test", methods=["POST"])
def test_rule():
    rule = Rule(request.json["condition"])
    return {"match": rule.matches({"amount": 10})}
