from flask import Flask, flash, jsonify, redirect, request

app = Flask(__name__)
USERS = {}


@app.route("/login", methods=["POST"])
def login():
    user = USERS.get(request.form["username"])
    if user is None:
        # ruleid: py-hardgen-user-enumeration
        return "Username does not exist", 404
    if user["password"] != request.form["password"]:
        # ruleid: py-hardgen-user-enumeration
        return "Incorrect password", 401
    return redirect("/")


@app.route("/api/login", methods=["POST"])
def api_login():
    user = USERS.get(request.json.get("username"))
    if user is None:
        # ruleid: py-hardgen-user-enumeration
        return jsonify(error="User not found"), 404
    return jsonify(ok=True)


@app.route("/signin", methods=["POST"])
def signin():
    if request.form["username"] not in USERS:
        # ruleid: py-hardgen-user-enumeration
        flash("No such user")
        return redirect("/signin")
    return redirect("/")


@app.route("/login2", methods=["POST"])
def login_generic():
    user = USERS.get(request.form["username"])
    if user is None or user["password"] != request.form["password"]:
        # ok: py-hardgen-user-enumeration
        return "Invalid username or password", 401
    return redirect("/")


@app.route("/login3", methods=["POST"])
def login_generic_json():
    # ok: py-hardgen-user-enumeration
    return jsonify(error="invalid credentials"), 401


@app.route("/unsubscribe")
def unsubscribe():
    # ok: py-hardgen-user-enumeration
    return "Email not found", 404


@app.route("/login4", methods=["POST"])
def login_generic_phrase():
    # ok: py-hardgen-user-enumeration
    return "Username or password is incorrect", 401
