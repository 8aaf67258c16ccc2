import hashlib
import os
import sqlite3

from flask import Flask, redirect, request, url_for

try:
    from argon2 import PasswordHasher
except ImportError:
    PasswordHasher = None

app = Flask(__name__)
PBKDF2_ITERATIONS = 600_000


def get_db_connection():
    conn = sqlite3.connect(os.environ.get("DATABASE", "users.db"))
    conn.row_factory = sqlite3.Row
    return conn


def hash_password(password):
    if PasswordHasher is not None:
        return PasswordHasher().hash(password)
    salt = os.urandom(16)
    derived = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, PBKDF2_ITERATIONS)
    return f"pbkdf2_sha256${PBKDF2_ITERATIONS}${salt.hex()}${derived.hex()}"


# register url
@app.route("/register", methods=["POST"])
def register():
    username = request.form.get("username", "").strip()
    password = request.form.get("password", "")
    if not username or not password:
        return redirect(url_for("register_form"))
    record = hash_password(password)
    with get_db_connection() as conn:
        conn.execute("INSERT INTO users (username, password_hash) VALUES (?, ?)", (username, record))
    return redirect(url_for("login"))


@app.route("/register", methods=["GET"])
def register_form():
    return '<form method="post"><input name="username"><input name="password" type="password"></form>'


@app.route("/login")
def login():
    return "login"
