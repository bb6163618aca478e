import os.path
from os import path
from os.path import join as join_path
from posixpath import join as posix_join
from shlex import split
from subprocess import call
from subprocess import call as run_command
from subprocess import check_call


def convert(src, dst):
    # ruleid: compat-from-import
    return call(["convert", src, dst])


def notify(user):
    # ruleid: compat-from-import
    run_command("mail -s hello " + user, shell=True)


def upload_target(root, filename):
    # ruleid: compat-from-import
    return os.path.join(root, "uploads", filename)


def avatar_path(root, username):
    # ruleid: compat-from-import
    return path.join(root, "avatars", username)


def report_path(root, report):
    # ruleid: compat-from-import
    return join_path(root, report)


def safe_convert(src, dst):
    # ok: compat-from-import
    return check_call(["convert", src, dst])


def tokens(command_line):
    # ok: compat-from-import
    return split(command_line)


def url_path(root, name):
    # posixpath is os.path on POSIX at run time, but not by name.
    # ok: compat-from-import
    return posix_join(root, name)


def exists(root):
    # ok: compat-from-import
    return path.exists(root)


def csv_line(fields):
    # ok: compat-from-import
    return ",".join(fields)
