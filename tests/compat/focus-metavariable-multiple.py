import os
import subprocess

import requests


def forward(url, payload):
    return requests.post(
        # ruleid: compat-focus-metavariable-multiple
        url,
        # ruleid: compat-focus-metavariable-multiple
        data=payload,
    )


def forward_nested(request):
    return requests.post(
        # ruleid: compat-focus-metavariable-multiple
        request.args["callback"],
        # ruleid: compat-focus-metavariable-multiple
        data=request.get_data(),
    )


def list_dir(user_dir):
    # The finding is on user_dir only (column 26), not on the whole argument.
    # ruleid: compat-focus-metavariable-multiple
    os.system("ls -l " + user_dir)


def grep_logs(pattern):
    # ruleid: compat-focus-metavariable-multiple
    os.system("grep -r " + "--color=never " + pattern)


def build(target, workdir):
    # ok: compat-focus-metavariable-multiple
    subprocess.call(["make", target], cwd=workdir)


def build_here(target):
    # ok: compat-focus-metavariable-multiple
    subprocess.call(["make", target])


def list_root():
    # ok: compat-focus-metavariable-multiple
    os.system("ls -l /")


def forward_json(url, payload):
    # ok: compat-focus-metavariable-multiple
    return requests.post(url, json=payload)
