from urllib.parse import urlparse

from flask import Flask, redirect, request, url_for

app = Flask(__name__)
ALLOWED = {"/", "/home", "/settings"}


@app.route("/a")
def next_param():
    # ruleid: py-url-redirection
    return redirect(request.args.get("next"))


@app.route("/b")
def via_variable():
    target = request.form["target"]
    # ruleid: py-url-redirection
    return redirect(target, code=302)


@app.route("/c/<path:where>")
def route_param(where):
    # ruleid: py-url-redirection
    return redirect(where)


@app.route("/ok1")
def allow_list():
    target = request.args.get("next", "/")
    if target not in ALLOWED:
        target = "/"
    # ok: py-url-redirection
    return redirect(target)


@app.route("/ok2")
def local_path():
    # ok: py-url-redirection
    return redirect("/profile/" + request.args.get("user", ""))


@app.route("/ok3")
def url_for_ok():
    # ok: py-url-redirection
    return redirect(url_for("index", page=request.args.get("page")))


@app.route("/e")
def netloc_check_is_not_a_codeql_sanitiser():
    target = request.args.get("next", "/")
    if urlparse(target).netloc:
        return redirect("/")
    # ruleid: py-url-redirection
    return redirect(target)


@app.route("/g")
def fstring_prefix_is_formatting():
    # ruleid: py-url-redirection
    return redirect(f"/profile/{request.args.get('user', '')}")


@app.route("/d")
def back_to_referrer():
    # ruleid: py-url-redirection
    return redirect(request.referrer or "/")


@app.route("/ok5")
def login_next_path():
    # ok: py-url-redirection
    return redirect(url_for("login", next=request.path))
