import hashlib
import hmac
import logging
import os
import sqlite3

from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
logger = logging.getLogger(__name__)


def get_db_connection():
    conn = sqlite3.connect(os.environ.get("DATABASE", "users.db"))
    conn.row_factory = sqlite3.Row
    return conn


def verify_password(password, salt, expected):
    derived = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**14, r=8, p=1)
    return hmac.compare_digest(derived, expected)


# log in the user if the username and password are correct
@app.route("/login", methods=["POST"])
def login():
    username = request.form.get("username", "")
    password = request.form.get("password", "")
    try:
        conn = get_db_connection()
        row = conn.execute(
            "SELECT id, salt, password_key FROM users WHERE username = ?", (username,)
        ).fetchone()
        conn.close()
    except sqlite3.Error:
        logger.exception("database error during login")
        return jsonify(error="internal error"), 500
    if row is None or not verify_password(password, row["salt"], row["password_key"]):
        return jsonify(error="invalid username or password"), 401
    session["user_id"] = row["id"]
    return jsonify(status="ok")
