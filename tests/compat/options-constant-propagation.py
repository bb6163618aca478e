import pickle
import subprocess

from flask import request

USE_SHELL = True
LIST_USERS = "SELECT * FROM users"


def run_literal(cmd):
    # ruleid: compat-options-constant-propagation
    subprocess.run(cmd, shell=True)


def query_variable(cur):
    query = "SELECT * FROM users"
    # ruleid: compat-options-constant-propagation
    cur.execute(query)


def query_module_constant(cur):
    # ruleid: compat-options-constant-propagation
    cur.execute(LIST_USERS)


def query_concat_literals(cur):
    # ruleid: compat-options-constant-propagation
    cur.execute("SELECT * " + "FROM users")


def run_local_flag(cmd):
    flag = True
    # ok: compat-options-constant-propagation
    subprocess.run(cmd, shell=flag)


def run_module_flag(cmd):
    # ok: compat-options-constant-propagation
    subprocess.run(cmd, shell=USE_SHELL)


def query_literal(cur):
    # ok: compat-options-constant-propagation
    cur.execute("SELECT * FROM users WHERE id = %s", (1,))


def load_direct():
    # ruleid: compat-options-constant-propagation
    return pickle.loads(request.get_data())


def load_via_variable():
    data = request.get_data()
    # ok: compat-options-constant-propagation
    return pickle.loads(data)
