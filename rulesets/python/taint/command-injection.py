import os
import shlex
import subprocess

from django.http import HttpResponse
from flask import Flask, abort, request

app = Flask(__name__)

SERVICES = ("nginx", "redis")


@app.route("/ping")
def ping():
    host = request.args.get("host", "localhost")
    command = "ping -c 1 %s" % host
    # ruleid: python.taint.command-injection
    return subprocess.check_output(command, shell=True)


@app.route("/ping-list")
def ping_list():
    host = request.args.get("host", "localhost")
    # ok: python.taint.command-injection
    return subprocess.check_output(["ping", "-c", "1", "--", host])


@app.route("/wc")
def wc():
    name = shlex.quote(request.args["file"])
    # ok: python.taint.command-injection
    return subprocess.check_output("wc -l /srv/" + name, shell=True)


def archive_command(name):
    return "tar czf /tmp/{0}.tgz /srv/{0}".format(name)


def backup(request):
    # ruleid: python.taint.command-injection
    os.system(archive_command(request.POST["project"]))
    return HttpResponse("started")


@app.route("/grep")
def grep():
    args = ["grep", "-n"]
    args.append(request.args["pattern"])
    # ruleid: python.taint.command-injection
    return os.popen(" ".join(args)).read()


@app.route("/job/<name>")
def job(name):
    # ruleid: python.taint.command-injection
    return subprocess.run(["sh", "-c", f"./jobs/{name}.sh"], capture_output=True).stdout


@app.route("/restart", methods=["POST"])
def restart():
    service = request.form["service"]
    if service not in SERVICES:
        abort(400)
    # ok: python.taint.command-injection
    subprocess.run("systemctl restart " + service, shell=True, check=True)
    return "ok"


@app.route("/status")
def status():
    cmd = request.args.get("cmd", "uptime")
    cmd = "uptime"
    # ok: python.taint.command-injection
    return subprocess.check_output(cmd, shell=True)


def deploy():
    branch = input("branch: ").strip()
    # ruleid: python.taint.command-injection
    subprocess.call("git checkout " + branch, shell=True)


def open_port(request):
    port = int(request.GET["port"])
    # ok: python.taint.command-injection
    os.system("ufw allow %d/tcp" % port)
    return HttpResponse("opened")
