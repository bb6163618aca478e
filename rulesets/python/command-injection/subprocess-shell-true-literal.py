import subprocess
import subprocess as sp
from subprocess import check_output


def list_services():
    # ruleid: python.command-injection.subprocess-shell-true-literal
    return check_output("systemctl list-units --type=service", shell=True)


def count_connections():
    # ruleid: python.command-injection.subprocess-shell-true-literal
    return sp.run("netstat -an | grep ESTABLISHED | wc -l", shell=True, capture_output=True)


def rotate_logs():
    proc = subprocess.Popen(
        "/usr/sbin/logrotate /etc/logrotate.conf",
        stdout=subprocess.PIPE,
        # ruleid: python.command-injection.subprocess-shell-true-literal
        shell=True,
    )
    return proc.wait()


def clear_cache():
    # ruleid: python.command-injection.subprocess-shell-true-literal
    subprocess.check_call("rm -rf " "/var/cache/app/*", shell=True)


def reload_nginx(run_in_shell=True):
    # ruleid: python.command-injection.subprocess-shell-true-literal
    subprocess.call("nginx -s reload", shell=run_in_shell)


def list_services_safely():
    # ok: python.command-injection.subprocess-shell-true-literal
    return check_output(["systemctl", "list-units", "--type=service"])


def count_lines(path):
    # ok: python.command-injection.subprocess-shell-true-literal
    return subprocess.run(["wc", "-l", path], shell=False, capture_output=True)


def reload_quietly():
    # ok: python.command-injection.subprocess-shell-true-literal
    subprocess.call("nginx -s reload", shell=None)


def remote(runner):
    # ok: python.command-injection.subprocess-shell-true-literal
    return runner.run("uptime", shell=True)
