import subprocess

USE_SHELL = True
TABLE = "users"
BASE_QUERY = "SELECT * FROM "
SORT_COLUMN = "name"
SORT_COLUMN = "created_at"


def run_local_flag(cmd):
    flag = True
    # ruleid: compat-constant-propagation
    subprocess.run(cmd, shell=flag)


def run_module_flag(cmd):
    # ruleid: compat-constant-propagation
    subprocess.run(cmd, shell=USE_SHELL, check=True)


def run_both_branches(cmd, verbose):
    if verbose:
        flag = True
    else:
        flag = True
    # tripline: the same constant assigned in both branches is not folded yet (Semgrep folds it)
    # todoruleid: compat-constant-propagation
    subprocess.run(cmd, shell=flag)


def run_computed_flag(cmd):
    flag = not False
    # tripline: `not False` is not evaluated yet (Semgrep folds it to True)
    # todoruleid: compat-constant-propagation
    subprocess.run(cmd, shell=flag)


def run_flag_passed_around(cmd, options):
    flag = True
    options.record(flag)
    # ruleid: compat-constant-propagation
    subprocess.run(cmd, shell=flag)


def run_branch_reassigned(cmd, untrusted):
    flag = True
    if untrusted:
        flag = False
    # ok: compat-constant-propagation
    subprocess.run(cmd, shell=flag)


def run_reassigned(cmd):
    flag = True
    flag = False
    # ok: compat-constant-propagation
    subprocess.run(cmd, shell=flag)


def run_loop_assigned(cmd, attempts):
    for _ in range(attempts):
        flag = True
    # ok: compat-constant-propagation
    subprocess.run(cmd, shell=flag)


def run_in_closure(cmd):
    flag = True

    def go():
        # ok: compat-constant-propagation
        subprocess.run(cmd, shell=flag)

    go()


def run_before_module_constant(cmd):
    # LATE_SHELL is assigned once, but only below this function.
    # ok: compat-constant-propagation
    subprocess.run(cmd, shell=LATE_SHELL)


LATE_SHELL = True


def query_concat_literals(cur):
    query = "SELECT " + "* FROM accounts"
    # ok: compat-constant-propagation
    cur.execute(query)


def query_module_constants(cur):
    # ok: compat-constant-propagation
    cur.execute(BASE_QUERY + TABLE)


def query_fstring_of_constants(cur):
    query = f"SELECT * FROM {TABLE}"
    # ok: compat-constant-propagation
    cur.execute(query)


def query_percent_of_constants(cur):
    query = "SELECT * FROM %s" % TABLE
    # ok: compat-constant-propagation
    cur.execute(query)


def query_augmented(cur):
    query = "SELECT id"
    query += " FROM accounts"
    # tripline: `+=` of constants is not folded yet (Semgrep folds it)
    # todook: compat-constant-propagation
    cur.execute(query)


def query_conditional(cur, admin):
    query = "SELECT * FROM admins" if admin else "SELECT * FROM users"
    # ok: compat-constant-propagation
    cur.execute(query)


def query_reassigned_after_use(cur, request):
    query = "SELECT 1"
    # ok: compat-constant-propagation
    cur.execute(query)
    query = request.args["q"]
    return query


def query_user_input(cur, name):
    query = "SELECT * FROM users WHERE name = '" + name + "'"
    # ruleid: compat-constant-propagation
    cur.execute(query)


def query_branch_reassigned(cur, extra):
    query = "SELECT * FROM users"
    if extra:
        query = query + " WHERE " + extra
    # ruleid: compat-constant-propagation
    cur.execute(query)


def query_format_method(cur):
    # str.format() is not evaluated, even on constants.
    query = "SELECT * FROM {}".format(TABLE)
    # ruleid: compat-constant-propagation
    cur.execute(query)


def query_module_reassigned(cur):
    # SORT_COLUMN is assigned twice at module level, so it is not a constant.
    # ruleid: compat-constant-propagation
    cur.execute("SELECT * FROM users ORDER BY " + SORT_COLUMN)
