import re

from flask import Flask, request

app = Flask(__name__)


@app.route("/search")
def search():
    pattern = request.args.get("q", "")
    # ruleid: py-regex-injection
    return str(re.search(pattern, "some text"))


@app.route("/compile/<expr>")
def compiled(expr):
    # ruleid: py-regex-injection
    regex = re.compile("^" + expr + "$")
    return str(regex.match("abc"))


@app.route("/ok1")
def escaped():
    # ok: py-regex-injection
    return str(re.search(re.escape(request.args.get("q", "")), "some text"))


@app.route("/ok2")
def user_text_only():
    # ok: py-regex-injection
    return str(re.match(r"^[a-z]+$", request.args.get("q", "")))
