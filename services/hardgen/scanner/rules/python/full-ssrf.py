import urllib.request

import requests
from flask import Flask, request

app = Flask(__name__)


@app.route("/a")
def whole_url():
    url = request.args.get("url")
    # ruleid: py-full-ssrf
    return requests.get(url, timeout=5).text


@app.route("/b")
def urlopen():
    # ruleid: py-full-ssrf
    return urllib.request.urlopen(request.form["target"]).read()


@app.route("/c")
def host_controlled():
    host = request.args["host"]
    # ruleid: py-full-ssrf
    return requests.post("https://" + host, timeout=5).text


@app.route("/ok1")
def fixed_host_path():
    # ok: py-full-ssrf
    return requests.get("https://api.example.com/users/" + request.args["id"], timeout=5).text


@app.route("/ok2")
def constant():
    # ok: py-full-ssrf
    return requests.get("https://example.com/status", timeout=5).text


@app.route("/d/<host>")
def fstring_scheme_only(host):
    # ruleid: py-full-ssrf
    return requests.get(f"https://{host}/status", timeout=5).text
