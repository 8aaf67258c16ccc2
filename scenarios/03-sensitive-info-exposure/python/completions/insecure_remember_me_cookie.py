import os
import sqlite3

from flask import Flask, make_response, redirect, request
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]


def get_db_connection():
    conn = sqlite3.connect(os.environ.get("DATABASE", "users.db"))
    conn.row_factory = sqlite3.Row
    return conn


# log in the user if the username and password are correct
@app.route("/login", methods=["POST"])
def login():
    username = request.form.get("username", "")
    password = request.form.get("password", "")
    conn = get_db_connection()
    user = conn.execute("SELECT * FROM users WHERE username = ?", (username,)).fetchone()
    conn.close()
    if user is None or not check_password_hash(user["password_hash"], password):
        return redirect("/login?error=1")
    response = make_response(redirect("/"))
    # "remember me": the user name itself is the credential, readable by scripts, sent over HTTP
    response.set_cookie("username", username, max_age=30 * 24 * 3600)
    return response
