import ast
import builtins
import operator
import re
from builtins import compile as compile_source

SCRIPT_HEADER = "import math"


def calculate(request):
    expr = request.args.get("expr")
    # ruleid: python.code-injection.eval-exec-compile-non-literal
    return eval(expr)


def load_settings(path):
    with open(path) as fh:
        # ruleid: python.code-injection.eval-exec-compile-non-literal
        return eval(fh.read())


def apply_filter(rows, field, value):
    # ruleid: python.code-injection.eval-exec-compile-non-literal
    predicate = eval("lambda row: row['" + field + "'] == " + repr(value))
    return [row for row in rows if predicate(row)]


def run_user_code(code, scope):
    # ruleid: python.code-injection.eval-exec-compile-non-literal
    exec(code, {"__builtins__": {}}, scope)


def render_expr(name):
    # ruleid: python.code-injection.eval-exec-compile-non-literal
    return eval(f"config.{name}")


def compile_hook(body, filename):
    # ruleid: python.code-injection.eval-exec-compile-non-literal
    code = compile_source(body, filename, "exec")
    namespace = {}
    # ruleid: python.code-injection.eval-exec-compile-non-literal
    builtins.exec(code, namespace)
    return namespace


def compile_by_keyword(text):
    # ruleid: python.code-injection.eval-exec-compile-non-literal
    return compile(source=text, filename="<input>", mode="eval")


def constant_expression():
    # ok: python.code-injection.eval-exec-compile-non-literal
    return eval("1 + 2")


def constant_with_scope(scope):
    # ok: python.code-injection.eval-exec-compile-non-literal
    return eval("x * 2", {}, scope)


def constant_script():
    script = "import json"
    # ok: python.code-injection.eval-exec-compile-non-literal
    exec(script)


def constant_module_header(namespace):
    # ok: python.code-injection.eval-exec-compile-non-literal
    exec(SCRIPT_HEADER, namespace)


def safe_parse(text):
    # ok: python.code-injection.eval-exec-compile-non-literal
    return ast.literal_eval(text)


def sort_key(field):
    # ok: python.code-injection.eval-exec-compile-non-literal
    return operator.attrgetter(field)


def match_pattern(pattern, text):
    # ok: python.code-injection.eval-exec-compile-non-literal
    return re.compile(pattern).match(text)


def optimize(model):
    import torch

    # ok: python.code-injection.eval-exec-compile-non-literal
    return torch.compile(model)


def find_words(pattern, text):
    from re import compile

    # This compile is re.compile, but the builtin's pattern still matches it.
    # todook: python.code-injection.eval-exec-compile-non-literal
    return compile(pattern).findall(text)


class Sandbox:
    def eval(self, expr):
        return expr

    def run(self, expr):
        # ok: python.code-injection.eval-exec-compile-non-literal
        return self.eval(expr)


def describe():
    # ok: python.code-injection.eval-exec-compile-non-literal
    return "eval(user_input) is dangerous"
