import os
import pty
from pty import spawn

CONSOLES = {"python": "/usr/bin/python3", "psql": "/usr/bin/psql"}


def open_console(request):
    # ruleid: python.command-injection.pty-spawn
    return pty.spawn(request.json["command"].split())


def attach(program, args):
    # ruleid: python.command-injection.pty-spawn
    return spawn([program, *args])


def run_shell():
    shell = os.environ.get("SHELL", "/bin/sh")
    # ruleid: python.command-injection.pty-spawn
    pty.spawn(shell)


def replay(command_line):
    # ruleid: python.command-injection.pty-spawn
    pty.spawn(
        command_line,
    )


def open_console_safely(request):
    # ok: python.command-injection.pty-spawn
    return pty.spawn([CONSOLES[request.json["console"]]])


def open_psql(database):
    # ok: python.command-injection.pty-spawn
    return pty.spawn(["/usr/bin/psql", "--", database])


def open_python():
    # ok: python.command-injection.pty-spawn
    return pty.spawn("/usr/bin/python3")


def open_terminal(master_fd):
    # ok: python.command-injection.pty-spawn
    return os.read(master_fd, 1024)
