import paramiko
from paramiko import AutoAddPolicy, RejectPolicy, SSHClient
from paramiko import client as ssh_client


def run_remote(host, user, key_path, command):
    client = paramiko.SSHClient()
    # ruleid: python.network.ssh-no-host-key-verification
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect(host, username=user, key_filename=key_path)
    _stdin, stdout, _stderr = client.exec_command(command)
    return stdout.read()


def connect_lab(host):
    client = SSHClient()
    # ruleid: python.network.ssh-no-host-key-verification
    client.set_missing_host_key_policy(AutoAddPolicy())
    client.connect(host, username="lab")
    return client


class Deployer:
    def __init__(self, host):
        self.ssh = ssh_client.SSHClient()
        # ruleid: python.network.ssh-no-host-key-verification
        self.ssh.set_missing_host_key_policy(
            ssh_client.WarningPolicy()
        )
        self.ssh.connect(host)


def connect_policy_class(host):
    client = paramiko.SSHClient()
    # ruleid: python.network.ssh-no-host-key-verification
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy)
    client.connect(host)
    return client


def connect_keyword(host):
    client = paramiko.SSHClient()
    # ruleid: python.network.ssh-no-host-key-verification
    client.set_missing_host_key_policy(policy=paramiko.WarningPolicy())
    client.connect(host)
    return client


def run_remote_safe(host, user, key_path, command):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    # ok: python.network.ssh-no-host-key-verification
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(host, username=user, key_filename=key_path)
    return client.exec_command(command)


def connect_known_hosts(host, known_hosts):
    client = SSHClient()
    # ok: python.network.ssh-no-host-key-verification
    client.load_host_keys(known_hosts)
    # ok: python.network.ssh-no-host-key-verification
    client.set_missing_host_key_policy(RejectPolicy())
    client.connect(host)
    return client


def is_auto_add(policy):
    # ok: python.network.ssh-no-host-key-verification
    return isinstance(policy, paramiko.AutoAddPolicy)
