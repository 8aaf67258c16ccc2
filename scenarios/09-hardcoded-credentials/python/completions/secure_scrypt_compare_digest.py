import hashlib
import hmac
import os
import sqlite3

from flask import Flask, jsonify, request

app = Flask(__name__)


def get_db_connection():
    conn = sqlite3.connect(os.environ.get("DATABASE", "users.db"))
    conn.row_factory = sqlite3.Row
    return conn


def password_matches(password, salt, expected_key):
    key = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    return hmac.compare_digest(key, expected_key)


# return true if they are a moderator
@app.route("/check_mod")
def check_mod():
    username = request.args.get("username", "")
    password = request.args.get("password", "")
    conn = get_db_connection()
    row = conn.execute(
        "SELECT u.salt, u.password_key FROM users u JOIN moderators m ON m.user_id = u.id "
        "WHERE u.username = ?",
        (username,),
    ).fetchone()
    conn.close()
    is_mod = row is not None and password_matches(password, row["salt"], row["password_key"])
    return jsonify(moderator=is_mod)
