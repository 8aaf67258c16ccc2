from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/a")
def value_from_query():
    resp = make_response("ok")
    # ruleid: py-cookie-injection
    resp.set_cookie("theme", request.args.get("theme", "light"), secure=True, httponly=True)
    return resp


@app.route("/b/<name>")
def name_from_route(name):
    resp = make_response("ok")
    # ruleid: py-cookie-injection
    resp.set_cookie(name, "1", secure=True, httponly=True)
    return resp


@app.route("/c")
def raw_header():
    resp = make_response("ok")
    # ruleid: py-cookie-injection
    resp.headers["Set-Cookie"] = "lang=" + request.args["lang"]
    return resp


@app.route("/ok1")
def constant():
    resp = make_response("ok")
    # ok: py-cookie-injection
    resp.set_cookie("theme", "dark", secure=True, httponly=True)
    return resp


@app.route("/ok2")
def allow_listed():
    resp = make_response("ok")
    # ok: py-cookie-injection
    resp.set_cookie("dark", str(request.args.get("theme") == "dark"), secure=True, httponly=True)
    return resp
