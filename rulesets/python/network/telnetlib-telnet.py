import telnetlib
import telnetlib as tl
from telnetlib import Telnet

import paramiko


def switch_config(host, user, password):
    # ruleid: python.network.telnetlib-telnet
    tn = telnetlib.Telnet(host, 23, timeout=10)
    tn.read_until(b"login: ")
    tn.write(user.encode("ascii") + b"\n")
    tn.read_until(b"Password: ")
    tn.write(password.encode("ascii") + b"\n")
    tn.write(b"show running-config\n")
    return tn.read_all()


def banner(host):
    # ruleid: python.network.telnetlib-telnet
    with Telnet(host) as session:
        return session.read_until(b"\n", timeout=5)


def open_console(host, port):
    # ruleid: python.network.telnetlib-telnet
    return tl.Telnet(host=host, port=port)


def switch_config_ssh(host, user, key_path):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    # ok: python.network.telnetlib-telnet
    client.connect(host, username=user, key_filename=key_path)
    _stdin, stdout, _stderr = client.exec_command("show running-config")
    return stdout.read()


def read_session(session):
    # ok: python.network.telnetlib-telnet
    return session.read_until(b"$ ", timeout=5)


def console_url(host):
    # ok: python.network.telnetlib-telnet
    return f"telnet://{host}:23"
