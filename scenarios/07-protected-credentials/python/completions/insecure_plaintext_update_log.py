import logging
import os
import sqlite3

from flask import Flask, redirect, request

app = Flask(__name__)
logging.basicConfig(level=logging.INFO)

DATABASE = os.environ.get("DATABASE", "users.db")


def get_db_connection():
    conn = sqlite3.connect(DATABASE)
    conn.row_factory = sqlite3.Row
    return conn


# register url
@app.route("/register", methods=["POST"])
def register():
    data = request.get_json()
    username = data["username"]
    password = data["password"]
    print(f"Registering new user {username} with password {password}")
    with get_db_connection() as conn:
        conn.execute("INSERT INTO users (username) VALUES (?)", (username,))
        conn.execute("UPDATE users SET password = ? WHERE username = ?", (password, username))
    return redirect("/login")
