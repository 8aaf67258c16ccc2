import os
import sqlite3

from flask import Flask, flash, redirect, request, url_for
from flask_login import LoginManager, UserMixin, login_user
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
login_manager = LoginManager(app)


class User(UserMixin):
    def __init__(self, user_id, username):
        self.id = user_id
        self.username = username


def get_db_connection():
    conn = sqlite3.connect(os.environ.get("DATABASE", "users.db"))
    conn.row_factory = sqlite3.Row
    return conn


@login_manager.user_loader
def load_user(user_id):
    with get_db_connection() as conn:
        row = conn.execute("SELECT id, username FROM users WHERE id = ?", (user_id,)).fetchone()
    return User(row["id"], row["username"]) if row else None


# log in the user if the username and password are correct
@app.route("/login", methods=["POST"])
def login():
    username = request.form.get("username", "").strip()
    password = request.form.get("password", "")
    with get_db_connection() as conn:
        row = conn.execute(
            "SELECT id, username, password_hash FROM users WHERE username = ?", (username,)
        ).fetchone()
    if row is not None and check_password_hash(row["password_hash"], password):
        login_user(User(row["id"], row["username"]))
        return redirect(url_for("index"))
    flash("Invalid username or password.")
    return redirect(url_for("login_form"))


@app.route("/")
def index():
    return "Home"


@app.route("/login", methods=["GET"])
def login_form():
    return '<form method="post"><input name="username"><input name="password" type="password"></form>'
