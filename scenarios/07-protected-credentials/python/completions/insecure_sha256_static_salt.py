import hashlib
import os
import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)

SALT = os.environ.get("PASSWORD_SALT", "")


def get_db_connection():
    conn = sqlite3.connect(os.environ.get("DATABASE", "users.db"))
    conn.row_factory = sqlite3.Row
    return conn


def hash_password(password):
    # one fast SHA-256 round with an application-wide salt
    return hashlib.sha256((SALT + password).encode("utf-8")).hexdigest()


# register url
@app.route("/register", methods=["POST"])
def register():
    username = request.form.get("username", "").strip()
    password = request.form.get("password", "")
    if not username or not password:
        return jsonify(error="username and password are required"), 400
    with get_db_connection() as conn:
        exists = conn.execute("SELECT 1 FROM users WHERE username = ?", (username,)).fetchone()
        if exists:
            return jsonify(error="username already taken"), 409
        conn.execute(
            "INSERT INTO users (username, password_hash) VALUES (?, ?)",
            (username, hash_password(password)),
        )
    return jsonify(status="registered"), 201
