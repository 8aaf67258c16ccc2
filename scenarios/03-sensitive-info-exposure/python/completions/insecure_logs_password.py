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
    logger.info("Login attempt for user %s with password %s", username, password)
    with get_db_connection() as conn:
        row = conn.execute(
            "SELECT password_hash FROM users WHERE username = ?", (username,)
        ).fetchone()
    if row and check_password_hash(row["password_hash"], password):
        session["username"] = username
        return redirect("/dashboard")
    return "Invalid username or password", 401
