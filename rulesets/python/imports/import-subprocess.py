"""Thin wrappers around the image tools."""
import importlib
import os
import shlex
# ruleid: python.imports.import-subprocess
import subprocess
# ruleid: python.imports.import-subprocess
import subprocess as sp
# ruleid: python.imports.import-subprocess
from subprocess import run, PIPE
# ruleid: python.imports.import-subprocess
from subprocess import check_output
# ruleid: python.imports.import-subprocess
import sys, subprocess
# ok: python.imports.import-subprocess
from asyncio import create_subprocess_exec
# ok: python.imports.import-subprocess
from .tools import subprocess_utils
# ok: python.imports.import-subprocess
from sh import convert


def thumbnail(src, dest):
    return run(["convert", "--", src, "-resize", "64x64", dest], check=True, stdout=PIPE)


def identify(path):
    return check_output(["identify", "-format", "%wx%h", path], text=True)


def version():
    return sp.run(["convert", "-version"], capture_output=True, text=True).stdout


def runner():
    # ruleid: python.imports.import-subprocess
    return importlib.import_module("subprocess")


def quote(args):
    # ok: python.imports.import-subprocess
    return " ".join(shlex.quote(a) for a in args)


def spawn_lazy(cmd):
    # ruleid: python.imports.import-subprocess
    from subprocess import Popen as LazyPopen

    return LazyPopen(cmd)


async def thumbnail_async(src, dest):
    proc = await create_subprocess_exec("convert", "--", src, "-resize", "64x64", dest)
    return await proc.wait()


def environment():
    # ok: python.imports.import-subprocess
    return dict(os.environ, MAGICK_THREAD_LIMIT="1")
