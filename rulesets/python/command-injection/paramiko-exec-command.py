import shlex

import paramiko
from paramiko import SSHClient


def connect(host):
    client = SSHClient()
    client.load_system_host_keys()
    client.connect(host, username="deploy")
    return client


def tail_log(client, name):
    # ruleid: python.command-injection.paramiko-exec-command
    _, stdout, _ = client.exec_command(f"tail -n 100 /var/log/{name}")
    return stdout.read()


def restart(host, service):
    client = connect(host)
    # ruleid: python.command-injection.paramiko-exec-command
    client.exec_command("sudo systemctl restart " + service)


def run_on_channel(transport: paramiko.Transport, command):
    channel = transport.open_session()
    # ruleid: python.command-injection.paramiko-exec-command
    channel.exec_command(command)
    return channel.recv_exit_status()


def uptime(client):
    # ruleid: python.command-injection.paramiko-exec-command
    return client.exec_command(
        "uptime",
        timeout=10,
    )


def tail_log_quoted(client, name):
    path = shlex.quote(f"/var/log/{name}")
    # ruleid: python.command-injection.paramiko-exec-command
    _, stdout, _ = client.exec_command(f"tail -n 100 -- {path}")
    return stdout.read()


def copy_file(client, local, remote):
    # ok: python.command-injection.paramiko-exec-command
    with client.open_sftp() as sftp:
        sftp.put(local, remote)


def run_query(cursor, sql):
    # ok: python.command-injection.paramiko-exec-command
    return cursor.execute(sql)


def close(client):
    # ok: python.command-injection.paramiko-exec-command
    client.close()
