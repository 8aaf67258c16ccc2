import functools
import os
import sqlite3

from flask import Flask, jsonify, redirect, request, session
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]

DATABASE = os.environ.get("DATABASE", "users.db")


def get_db_connection():
    conn = sqlite3.connect(DATABASE)
    conn.row_factory = sqlite3.Row
    return conn


def ensure_logged_in(f):
    @functools.wraps(f)
    def decorated_function(*args, **kws):
        if session.get("username") is None:
            return redirect("/login")
        return f(*args, **kws)

    return decorated_function


# the login page
@app.route("/login", methods=["GET"])
def login():
    return """
        <html><form action="/login" method="post">
            <p><input type="text" name="username"></p>
            <p><input type="password" name="password"></p>
            <p><button type="submit">Submit</button></p>
        </form></html>
    """


# the login POST system
@app.route("/login", methods=["POST"])
def do_login():
    username = request.form["username"]
    password = request.form["password"]
    with get_db_connection() as conn:
        row = conn.execute(
            "SELECT password_hash FROM users WHERE username = ?", (username,)
        ).fetchone()
    if row is not None and check_password_hash(row["password_hash"], password):
        session["username"] = username
        return redirect("/settings")
    return "Invalid username or password", 401


# the home page
@app.route("/")
def index():
    return """<html>
        Hello! <a href='./login'>Login here</a>
    </html>"""


# user settings page
@app.route("/settings", methods=["GET", "POST"])
def settings():
    if not session.get("username"):
        return jsonify(error="login required"), 401
    if request.method == "POST":
        payload = request.get_json(silent=True) or {}
        email = str(payload.get("email", ""))
        with get_db_connection() as conn:
            conn.execute(
                "UPDATE users SET email = ? WHERE username = ?", (email, session["username"])
            )
        return jsonify(status="saved", email=email)
    return jsonify(username=session["username"])
