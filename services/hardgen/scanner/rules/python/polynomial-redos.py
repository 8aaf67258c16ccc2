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


EMAIL = re.compile(r"^[^@]+@[^@]+\.[^@]+$")
STRICT_EMAIL = re.compile(r"^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$")


@app.route("/d", methods=["POST"])
def email_negated_classes():
    email = request.form.get("email", "")
    # [^@]+ contains the "." that separates it from the next [^@]+
    # ruleid: py-polynomial-redos
    if not EMAIL.match(email):
        return "invalid", 400
    return "ok"


@app.route("/e")
def nested_quantifier():
    name = request.args.get("name", "")
    # exponential (and so also superlinear)
    # ruleid: py-polynomial-redos
    return str(bool(re.fullmatch(r"^(\w+\s?)*$", name)))


@app.route("/f")
def words_then_spaces():
    # \w+ and \w+ with only an optional blank between them
    # ruleid: py-polynomial-redos
    return str(re.findall(r"\w+\s*\w+=", request.args.get("q", "")))


@app.route("/ok3", methods=["POST"])
def strict_email():
    email = request.form.get("email", "")
    # the "." between [a-zA-Z0-9.-]+ and [a-zA-Z]{2,} is not in the second class: linear
    # ok: py-polynomial-redos
    if not STRICT_EMAIL.match(email):
        return "invalid", 400
    return "ok"


@app.route("/ok4")
def anchored_match():
    # re.match anchors at the start: no implicit prefix loop
    # ok: py-polynomial-redos
    return str(re.match(r"\d+px", request.args.get("size", "")))


@app.route("/ok5")
def separated_by_comma():
    # \s* , \s*: the separator is in neither loop
    # ok: py-polynomial-redos
    return str(re.split(r"^\s*,\s*$", request.args.get("csv", "")))
