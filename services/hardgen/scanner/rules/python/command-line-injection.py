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


@app.route("/b2")
def quoted():
    # CodeQL models shlex.quote as a taint step, not a sanitizer
    host = shlex.quote(request.args.get("host", ""))
    # ruleid: py-command-line-injection
    os.system("ping -c 1 " + host)


@app.route("/b3")
def argv_variable():
    host = request.args.get("host", "")
    cmd = ["ping", "-c", "1"]
    cmd.append(host)
    # a list held in a variable is the command as a whole (only a literal list is split)
    # ruleid: py-command-line-injection
    subprocess.run(cmd)


@app.route("/b4")
def split_string():
    command = f"ping -c 1 {request.args['host']}"
    # ruleid: py-command-line-injection
    subprocess.run(command.split())


def build_command(target):
    return "dig " + target


@app.route("/b5")
def helper():
    # ruleid: py-command-line-injection
    os.popen(build_command(request.values.get("domain")))


@app.route("/ok2")
def shlex_split():
    # shlex.split has no model in CodeQL: the taint stops there
    host = request.args.get("host", "")
    args = shlex.split("ping -c 1 " + host)
    # ok: py-command-line-injection
    subprocess.run(args)


@app.route("/ok5")
def allow_listed():
    tool = request.args.get("tool", "")
    if tool in ["uptime", "whoami"]:
        # ok: py-command-line-injection
        return subprocess.check_output(tool, shell=True)
    return "no", 400


@app.route("/ok6")
def argv_list_with_shell():
    host = request.args.get("host", "")
    # only the first element of a literal list is the command, shell or not
    # ok: py-command-line-injection
    subprocess.run(["nslookup", host], shell=False)


@app.route("/ok3")
def constant():
    # ok: py-command-line-injection
    return subprocess.check_output("uptime", shell=True)


@app.route("/ok4")
def int_count():
    count = int(request.args.get("count", "1"))
    # ok: py-command-line-injection
    os.system("ping -c %d localhost" % count)
