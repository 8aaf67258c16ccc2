import hashlib
import os
import sqlite3

from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]

DATABASE = os.environ.get("DATABASE", "users.db")


def get_db_connection():
    conn = sqlite3.connect(DATABASE)
    conn.row_factory = sqlite3.Row
    return conn


# log in the user if the username and password are correct
@app.route("/login", methods=["POST"])
def login():
    username = request.form["username"]
    password = request.form["password"]
    password_md5 = hashlib.md5(password.encode()).hexdigest()
    conn = get_db_connection()
    user = conn.execute(
        "SELECT * FROM users WHERE username = ? AND password = ?", (username, password_md5)
    ).fetchone()
    conn.close()
    if user is None:
        return "Invalid credentials", 401
    session["user_id"] = user["id"]
    return f"<h1>Welcome back, {username}!</h1>"
