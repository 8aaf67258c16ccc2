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
    try:
        with get_db_connection() as conn:
            row = conn.execute(
                "SELECT id, password_hash FROM users WHERE username = ?", (username,)
            ).fetchone()
    except sqlite3.Error:
        logger.exception("login: database error")
        return "Login is temporarily unavailable", 503
    # compare against a dummy hash for unknown users so both paths take the same time
    stored = row["password_hash"] if row else DUMMY_HASH
    if not check_password_hash(stored, password) or row is None:
        safe_name = username.replace("\r\n", " ").replace("\n", " ")
        logger.warning("failed login for %s", safe_name)
        return "Invalid username or password", 401
    session["user_id"] = row["id"]
    return redirect("/")


DUMMY_HASH = "scrypt:32768:8:1$0000000000000000$" + "0" * 128
