import ast

from flask import Flask, request

app = Flask(__name__)


@app.route("/calc")
def calc():
    # ruleid: py-code-injection
    return str(eval(request.args.get("expr")))


@app.route("/run", methods=["POST"])
def run():
    code = request.form["code"]
    # ruleid: py-code-injection
    exec(code)
    return "ok"


@app.route("/ok1")
def literal():
    # ok: py-code-injection
    return str(ast.literal_eval(request.args.get("value", "0")))


@app.route("/ok2")
def constant():
    # ok: py-code-injection
    return str(eval("1 + 2"))
