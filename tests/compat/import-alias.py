import asyncio.subprocess as asp
import subprocess
import subprocess as sp

import runner_lib as rl


def archive_logs(directory):
    # ruleid: compat-import-alias
    return sp.call(["tar", "czf", "logs.tgz", directory])


def restart_service(name):
    # ruleid: compat-import-alias
    status = sp.call("systemctl restart " + name, shell=True)
    return status == 0


def ping(host):
    # ruleid: compat-import-alias
    return subprocess.call(["ping", "-c", "1", host]) == 0


def cleanup(path):
    # The alias can also be imported inside a function.
    import subprocess as proc

    # ruleid: compat-import-alias
    proc.call(["rm", "-rf", path])


def checked_archive(directory):
    # ok: compat-import-alias
    return sp.check_call(["tar", "czf", "logs.tgz", directory])


async def spawn(cmd):
    # asyncio.subprocess is a different module, even though it is also named "subprocess".
    # ok: compat-import-alias
    return await asp.call(cmd)


def dispatch(job):
    # ok: compat-import-alias
    return rl.call(job.command)


class Worker:
    def __init__(self, sp):
        self.sp = sp

    def run(self, cmd):
        # ok: compat-import-alias
        return self.sp.call(cmd)


def describe():
    # ok: compat-import-alias
    return "uses sp.call(cmd) under the hood"
