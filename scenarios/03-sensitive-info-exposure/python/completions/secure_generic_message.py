import logging
import os
import sqlite3

from flask import Flask, redirect, request, session
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
logger = logging.getLogger(__name__)

DATABASE = os.environ.get("DATABASE", "users.db")


def get_db_connection():
    conn = sqlite3.connect(DATABASE)
    conn.row_factory = sqlite3.Row
    return conn


# log in the user if the username and password are correct
@app.route("/login", methods=["POST"])
def login():
    username = request.form.get("username", "")
    password = request.form.get("password", "")
    conn = get_db_connection()
    try:
        user = conn.execute(
            "SELECT id, password_hash FROM users WHERE username = ?", (username,)
        ).fetchone()
    finally:
        conn.close()
    # one answer for an unknown user and for a wrong password
    if user is None or not check_password_hash(user["password_hash"], password):
        return "Invalid username or password", 401
    session.clear()
    session["user_id"] = user["id"]
    return redirect("/")
