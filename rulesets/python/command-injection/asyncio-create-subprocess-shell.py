import asyncio
import asyncio.subprocess
import shlex
from asyncio import create_subprocess_shell as shell


async def ping(host):
    # ruleid: python.command-injection.asyncio-create-subprocess-shell
    proc = await asyncio.create_subprocess_shell(f"ping -c 1 {host}")
    return await proc.wait()


async def run_hook(command):
    # ruleid: python.command-injection.asyncio-create-subprocess-shell
    proc = await shell(command, stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    return out


async def stream_logs(loop, protocol_factory, unit):
    # ruleid: python.command-injection.asyncio-create-subprocess-shell
    transport, _ = await loop.subprocess_shell(protocol_factory, "journalctl -f -u " + unit)
    return transport


async def compress(path):
    # ruleid: python.command-injection.asyncio-create-subprocess-shell
    proc = await asyncio.subprocess.create_subprocess_shell(
        "gzip -9 %s" % path,
        stderr=asyncio.subprocess.PIPE,
    )
    return await proc.wait()


async def ping_safely(host):
    # ok: python.command-injection.asyncio-create-subprocess-shell
    proc = await asyncio.create_subprocess_exec("ping", "-c", "1", "--", host)
    return await proc.wait()


async def disk_free():
    command = "df -h | sort -k5 -r"
    # ok: python.command-injection.asyncio-create-subprocess-shell
    proc = await asyncio.create_subprocess_shell(command, stdout=asyncio.subprocess.PIPE)
    return (await proc.communicate())[0]


async def run_argv(argv):
    # ok: python.command-injection.asyncio-create-subprocess-shell
    proc = await asyncio.create_subprocess_shell(shlex.join(argv))
    return await proc.wait()


async def stream_exec(loop, protocol_factory, unit):
    # ok: python.command-injection.asyncio-create-subprocess-shell
    return await loop.subprocess_exec(protocol_factory, "journalctl", "-f", "-u", unit)
