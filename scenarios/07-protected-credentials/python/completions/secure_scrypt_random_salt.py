import hashlib
import os
import sqlite3

from flask import Flask, redirect, request

app = Flask(__name__)

DATABASE = os.environ.get("DATABASE", "users.db")


def get_db_connection():
    conn = sqlite3.connect(DATABASE)
    conn.row_factory = sqlite3.Row
    return conn


# register url
@app.route("/register", methods=["POST"])
def register():
    username = request.form.get("username", "")
    password = request.form.get("password", "")
    if len(password) < 12:
        return "Password must have at least 12 characters", 400
    salt = os.urandom(16)
    key = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**14, r=8, p=1, dklen=64)
    with get_db_connection() as conn:
        conn.execute(
            "INSERT INTO users (username, salt, password_key) VALUES (?, ?, ?)",
            (username, salt, key),
        )
    return redirect("/login")
