import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/a")
def path_concat():
    # ruleid: py-partial-ssrf
    return requests.get("https://api.example.com/users/" + request.args["id"], timeout=5).text


@app.route("/b/<repo>")
def path_fstring(repo):
    url = f"https://api.github.com/repos/{repo}"
    # ruleid: py-partial-ssrf
    return requests.get(url, timeout=5).text


@app.route("/ok1")
def full_is_other_rule():
    # ok: py-partial-ssrf
    return requests.get(request.args["url"], timeout=5).text


@app.route("/ok2")
def numeric_id():
    user_id = int(request.args["id"])
    # ok: py-partial-ssrf
    return requests.get(f"https://api.example.com/users/{user_id}", timeout=5).text


@app.route("/c")
def host_without_slash():
    # ruleid: py-partial-ssrf
    return requests.get("https://api.example.com" + request.args["path"], timeout=5).text


@app.route("/ok3/<host>")
def scheme_only_is_full(host):
    # ok: py-partial-ssrf
    return requests.get(f"http://{host}/status", timeout=5).text
