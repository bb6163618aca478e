"""Configuration backup for the network switches.

Old access switches only speak telnet; everything bought after 2015 is
reached over SSH with paramiko.
"""
import importlib
import logging
# ruleid: python.imports.import-telnetlib
import telnetlib
# ruleid: python.imports.import-telnetlib
import telnetlib as tn
# ruleid: python.imports.import-telnetlib
from telnetlib import Telnet
# ruleid: python.imports.import-telnetlib
from telnetlib import Telnet as LegacyTelnet
# ruleid: python.imports.import-telnetlib
import socket, telnetlib
# ruleid: python.imports.import-telnetlib
import telnetlib as tl, select
# ruleid: python.imports.import-telnetlib
from telnetlib import (
    IAC,
    Telnet as RawTelnet,
)
# ruleid: python.imports.import-telnetlib
from telnetlib import IAC, DO
# ruleid: python.imports.import-telnetlib
from telnetlib import *
from importlib import import_module

# ok: python.imports.import-telnetlib
import paramiko
# ok: python.imports.import-telnetlib
from netmiko import ConnectHandler
# ok: python.imports.import-telnetlib
from .compat import telnetlib_shim

log = logging.getLogger(__name__)


def backup_legacy(host, password):
    session = telnetlib.Telnet(host, 23, timeout=10)
    session.read_until(b"Password: ")
    session.write(password.encode("ascii") + b"\n")
    session.write(b"show running-config\n")
    return session.read_all()


def load_driver(name):
    if name == "telnet":
        # ruleid: python.imports.import-telnetlib
        return importlib.import_module("telnetlib")
    # ok: python.imports.import-telnetlib
    return importlib.import_module("paramiko")


def load_driver_by_keyword():
    # ruleid: python.imports.import-telnetlib
    return import_module(name="telnetlib")


def load_builtin():
    # ruleid: python.imports.import-telnetlib
    return __import__("telnetlib")


def lazy_session(host):
    # ruleid: python.imports.import-telnetlib
    import telnetlib as lazy_telnet

    return lazy_telnet.Telnet(host)


def backup(host, user, password):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.connect(host, username=user, password=password)
    # ok: python.imports.import-telnetlib
    # import telnetlib  (kept for the 2012 firmware, see backup_legacy)
    _, stdout, _ = client.exec_command("show running-config")
    return stdout.read()


def help_text():
    return """Use SSH. The old helper did
# ok: python.imports.import-telnetlib
import telnetlib
which is gone."""


def netmiko_backup(device):
    # ok: python.imports.import-telnetlib
    conn = ConnectHandler(device_type="cisco_ios", **device)
    return conn.send_command("show running-config")
