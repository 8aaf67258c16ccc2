import os
import sqlite3

import bcrypt
from flask import Flask, jsonify, request

app = Flask(__name__)


def get_db_connection():
    conn = sqlite3.connect(os.environ.get("DATABASE", "users.db"))
    conn.row_factory = sqlite3.Row
    return conn


# register url
@app.route("/register", methods=["POST"])
def register():
    username = request.form["username"]
    password = request.form["password"]
    hashed = bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds=12))
    with get_db_connection() as conn:
        conn.execute("INSERT INTO users (username, password_hash) VALUES (?, ?)", (username, hashed))
    return jsonify(message="user created"), 201
