import ast
import builtins
from builtins import eval as evaluate


def parse_setting(raw):
    # ruleid: python.code-injection.eval-used
    return eval(raw)


def compute(expression, variables):
    # ruleid: python.code-injection.eval-used
    return eval(expression, {"__builtins__": {}}, variables)


def default_limits():
    # ruleid: python.code-injection.eval-used
    return eval("{'rps': 10, 'burst': 20}")


def resolve(name):
    # ruleid: python.code-injection.eval-used
    return evaluate(name)


def resolve_attr(obj, attr):
    # ruleid: python.code-injection.eval-used
    return builtins.eval(
        f"obj.{attr}",
        {"obj": obj},
    )


def parse_setting_safely(raw):
    # ok: python.code-injection.eval-used
    return ast.literal_eval(raw)


def predict(model, batch):
    # ok: python.code-injection.eval-used
    model.eval()
    return model(batch)


def add_total(frame):
    # ok: python.code-injection.eval-used
    return frame.eval("total = price * quantity")


def help_text():
    # ok: python.code-injection.eval-used
    return "eval(expression) is disabled in this build"


def add_columns(frame):
    import pandas as pd

    # ok: python.code-injection.eval-used
    return pd.eval("frame.price * frame.quantity", target=frame)
