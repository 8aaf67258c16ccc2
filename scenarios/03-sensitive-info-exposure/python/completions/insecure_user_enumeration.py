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
    username = request.form["username"]
    password = request.form["password"]
    conn = get_db_connection()
    user = conn.execute("SELECT * FROM users WHERE username = ?", (username,)).fetchone()
    conn.close()
    if user is None:
        return "Username does not exist", 404
    if not check_password_hash(user["password_hash"], password):
        return "Incorrect password", 401
    session["username"] = username
    return redirect("/")
