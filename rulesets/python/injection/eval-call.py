import ast


def calculate(request):
    expr = request.args.get("expr")
    # ruleid: python.injection.eval-call
    return eval(expr)


def load_settings(path):
    with open(path) as fh:
        # ruleid: python.injection.eval-call
        return eval(fh.read())


def apply_filter(rows, field, value):
    # ruleid: python.injection.eval-call
    predicate = eval("lambda row: row['" + field + "'] == " + repr(value))
    return [row for row in rows if predicate(row)]


def run_user_code(code, scope):
    # ruleid: python.injection.eval-call
    return eval(code, {"__builtins__": {}}, scope)


def render_expr(name):
    # ruleid: python.injection.eval-call
    return eval(f"config.{name}")


def constant_expression():
    # ok: python.injection.eval-call
    return eval("1 + 2")


def constant_with_scope(scope):
    # ok: python.injection.eval-call
    return eval("x * 2", {}, scope)


def safe_parse(text):
    # ok: python.injection.eval-call
    return ast.literal_eval(text)


class Sandbox:
    def eval(self, expr):
        return expr

    def run(self, expr):
        # ok: python.injection.eval-call
        return self.eval(expr)


def describe():
    # ok: python.injection.eval-call
    return "eval(user_input) is dangerous"
