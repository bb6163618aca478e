import builtins
import textwrap
from builtins import exec as run_source


def run_plugin(source, namespace):
    # ruleid: python.code-injection.exec-used
    exec(source, namespace)


def define_getter(field):
    code = textwrap.dedent(
        f"""
        def get_{field}(self):
            return self._{field}
        """
    )
    scope = {}
    # ruleid: python.code-injection.exec-used
    exec(code, scope)
    return scope[f"get_{field}"]


def warm_up():
    # ruleid: python.code-injection.exec-used
    exec("import json")


def run_snippet(snippet):
    # ruleid: python.code-injection.exec-used
    run_source(snippet, {"__builtins__": {}})


def run_with_builtins(snippet):
    # ruleid: python.code-injection.exec-used
    builtins.exec(
        snippet,
        {},
    )


def run_query(query, sql):
    # ok: python.code-injection.exec-used
    return query.exec(sql)


def run_statement(cursor, statement):
    # ok: python.code-injection.exec-used
    cursor.execute(statement)


def run_process(runner, argv):
    # ok: python.code-injection.exec-used
    return runner.exec_(argv)


def describe():
    # ok: python.code-injection.exec-used
    return "never call exec(user_input)"
