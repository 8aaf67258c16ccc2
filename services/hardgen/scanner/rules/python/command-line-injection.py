import os
import shlex
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/a")
def system():
    url = request.args.get("url")
    # ruleid: py-command-line-injection
    os.system("ping -c 1 " + url)


@app.route("/b")
def shell_true():
    host = request.args["host"]
    # ruleid: py-command-line-injection
    return subprocess.check_output(f"ping -c 1 {host}", shell=True)


@app.route("/c")
def popen():
    # ruleid: py-command-line-injection
    return os.popen("nslookup %s" % request.form["name"]).read()


@app.route("/d/<tool>")
def executable_from_user(tool):
    # ruleid: py-command-line-injection
    subprocess.run([tool, "--version"])


@app.route("/ok1")
def argv_list():
    host = request.args.get("host", "")
    # ok: py-command-line-injection
    subprocess.run(["ping", "-c", "1", host], capture_output=True)


@app.route("/ok2")
def quoted():
    host = shlex.quote(request.args.get("host", ""))
    # ok: py-command-line-injection
    os.system("ping -c 1 " + host)


@app.route("/ok3")
def constant():
    # ok: py-command-line-injection
    return subprocess.check_output("uptime", shell=True)


@app.route("/ok4")
def int_count():
    count = int(request.args.get("count", "1"))
    # ok: py-command-line-injection
    os.system("ping -c %d localhost" % count)
