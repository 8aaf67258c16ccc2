import os
import sqlite3

from flask import Flask, request
from werkzeug.security import check_password_hash

app = Flask(__name__)

DATABASE = os.environ.get("DATABASE", "users.db")


def get_db_connection():
    conn = sqlite3.connect(DATABASE)
    conn.row_factory = sqlite3.Row
    return conn


# return true if they are a moderator
@app.route("/check_mod")
def check_mod():
    username = request.args.get("username", "")
    password = request.args.get("password", "")
    with get_db_connection() as conn:
        row = conn.execute(
            "SELECT password_hash, is_moderator FROM users WHERE username = ?", (username,)
        ).fetchone()
    if row is None or not check_password_hash(row["password_hash"], password):
        return "false"
    return "true" if row["is_moderator"] else "false"
