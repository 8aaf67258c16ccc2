from flask import Flask, make_response

app = Flask(__name__)


@app.route("/a")
def plain():
    resp = make_response("ok")
    # ruleid: py-insecure-cookie
    resp.set_cookie("session_id", "abc")
    return resp


@app.route("/b")
def only_httponly():
    resp = make_response("ok")
    # ruleid: py-insecure-cookie
    resp.set_cookie("session_id", "abc", httponly=True)
    return resp


@app.route("/c")
def secure_false():
    resp = make_response("ok")
    # ruleid: py-insecure-cookie
    resp.set_cookie("session_id", "abc", secure=False, httponly=True)
    return resp


@app.route("/ok1")
def hardened():
    resp = make_response("ok")
    # ok: py-insecure-cookie
    resp.set_cookie("session_id", "abc", secure=True, httponly=True, samesite="Lax")
    return resp


@app.route("/ok2")
def other_order():
    resp = make_response("ok")
    # ok: py-insecure-cookie
    resp.set_cookie("session_id", "abc", httponly=True, samesite="Strict", secure=True)
    return resp


@app.route("/ok3")
def deletion():
    resp = make_response("bye")
    # ok: py-insecure-cookie
    resp.set_cookie("session_id", "", expires=0)
    return resp
