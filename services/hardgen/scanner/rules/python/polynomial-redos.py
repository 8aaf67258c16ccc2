import re

from flask import Flask, request

app = Flask(__name__)
TRAILING = re.compile(r"\s+$")
HOST = re.compile(r"^[A-Za-z0-9.-]{1,253}$")


@app.route("/a")
def trim():
    text = request.args.get("text", "")
    # ruleid: py-polynomial-redos
    return TRAILING.sub("", text)


@app.route("/b")
def adjacent_repetitions():
    # ruleid: py-polynomial-redos
    return str(re.search(r"\d+\d+x", request.args["n"]))


@app.route("/c")
def dot_stars():
    # ruleid: py-polynomial-redos
    return str(re.match(r"a.*b.*c", request.form["s"]))


@app.route("/ok1")
def linear():
    # ok: py-polynomial-redos
    return str(HOST.match(request.args.get("host", "")))


@app.route("/ok2")
def constant_text():
    # ok: py-polynomial-redos
    return TRAILING.sub("", "constant   ")
