import ast
import base64
import importlib
import sys

from fastapi import FastAPI
from flask import Flask, abort, request

app = Flask(__name__)
api = FastAPI()

EXPORTERS = {"csv", "json"}


@app.route("/calc")
def calc():
    expr = request.args.get("expr", "0").replace(" ", "")
    # ruleid: python.taint.code-injection
    return str(eval(expr))


@app.route("/literal")
def literal():
    # ok: python.taint.code-injection
    return str(ast.literal_eval(request.args.get("value", "0")))


class Rule:
    def __init__(self, condition):
        self.condition = condition

    def matches(self, context):
        # ruleid: python.taint.code-injection
        return eval(self.condition, {"__builtins__": {}}, context)


@app.route("/rules", methods=["POST"])
def rules():
    rule = Rule(request.json["condition"])
    return {"match": rule.matches({"amount": 10})}


@app.route("/restore")
def restore():
    text = base64.b64decode(request.cookies.get("filters", "e30=")).decode()
    # ruleid: python.taint.code-injection
    return {"filters": eval(text)}


@api.get("/export/{fmt}")
def export(fmt: str):
    # ruleid: python.taint.code-injection
    return importlib.import_module("exporters." + fmt).export()


@app.route("/export")
def export_checked():
    fmt = request.args.get("format", "csv")
    if fmt not in EXPORTERS:
        abort(400)
    # ok: python.taint.code-injection
    return importlib.import_module("exporters." + fmt).export()


@app.route("/area")
def area():
    width = int(request.args.get("w", "1"))
    # ok: python.taint.code-injection
    return str(eval(f"{width} * 2"))


@app.route("/widget")
def widget():
    config = {"expr": "sum(range(10))", "title": request.args.get("title", "")}
    # ok: python.taint.code-injection
    return {"value": eval(config["expr"]), "title": config["title"]}


def main():
    source = " ".join(sys.argv[1:])
    # ruleid: python.taint.code-injection
    code = compile(source, "<cli>", "eval")
    # ruleid: python.taint.code-injection
    print(eval(code))
