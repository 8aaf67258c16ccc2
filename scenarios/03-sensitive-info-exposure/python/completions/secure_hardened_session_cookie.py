import os
import secrets
import sqlite3

from flask import Flask, make_response, redirect, request
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


def get_db_connection():
    conn = sqlite3.connect(os.environ.get("DATABASE", "users.db"))
    conn.row_factory = sqlite3.Row
    return conn


# log in the user if the username and password are correct
@app.route("/login", methods=["POST"])
def login():
    username = request.form.get("username", "")
    password = request.form.get("password", "")
    with get_db_connection() as conn:
        user = conn.execute(
            "SELECT id, password_hash FROM users WHERE username = ?", (username,)
        ).fetchone()
        if user is None or not check_password_hash(user["password_hash"], password):
            return "Invalid username or password", 401
        token = secrets.token_urlsafe(32)
        conn.execute("INSERT INTO sessions (token, user_id) VALUES (?, ?)", (token, user["id"]))
    response = make_response(redirect("/"))
    # an opaque random token, never the user name; Secure, HttpOnly and SameSite set
    response.set_cookie("session_token", token, secure=True, httponly=True, samesite="Lax")
    return response
