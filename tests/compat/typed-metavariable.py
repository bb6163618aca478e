from typing import Optional


def run_query(cur, query: str):
    # ruleid: compat-typed-metavariable
    cur.execute(query)


def run_built(cur, build_query):
    query: str = build_query()
    # ruleid: compat-typed-metavariable
    cur.execute(query)


def run_literal(cur):
    query = "SELECT * FROM users"
    # The type of a variable is inferred from a literal initialiser.
    # ruleid: compat-typed-metavariable
    cur.execute(query)


def run_kw_only(cur, *, query: str):
    # ruleid: compat-typed-metavariable
    cur.execute(query)


def run_in_closure(cur, query: str):
    def go():
        # ruleid: compat-typed-metavariable
        cur.execute(query)

    go()


def run_inline(cur):
    # A str literal argument has type str too.
    # ruleid: compat-typed-metavariable
    cur.execute("SELECT * FROM users")


def run_by_id(cur, user_id: int):
    # ok: compat-typed-metavariable
    cur.execute(user_id)


def run_untyped(cur, query):
    # ok: compat-typed-metavariable
    cur.execute(query)


def run_concat(cur, table: str):
    query = "SELECT * FROM " + table
    # tripline: string building is known to give a str (Semgrep infers types from annotations and literals only)
    # ruleid: compat-typed-metavariable
    cur.execute(query)


def run_optional(cur, query: Optional[str]):
    # ok: compat-typed-metavariable
    cur.execute(query)


def run_string_annotation(cur, query: "str"):
    # ok: compat-typed-metavariable
    cur.execute(query)


def run_with_params(cur, query: str, params):
    # ok: compat-typed-metavariable
    cur.execute(query, params)


def run_bytes(cur):
    # ok: compat-typed-metavariable
    cur.execute(b"SELECT * FROM users")


def run_formatted(cur, table: str):
    # tripline: an f-string is a str (Semgrep infers types from annotations and literals only)
    # ruleid: compat-typed-metavariable
    cur.execute(f"SELECT * FROM {table}")
