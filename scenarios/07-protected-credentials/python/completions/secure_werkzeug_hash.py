import os
import sqlite3

from flask import Flask, redirect, request
from werkzeug.security import generate_password_hash

app = Flask(__name__)

DATABASE = os.environ.get("DATABASE", "users.db")


def get_db_connection():
    conn = sqlite3.connect(DATABASE)
    conn.row_factory = sqlite3.Row
    return conn


# register url
@app.route("/register", methods=["POST"])
def register():
    username = request.form["username"]
    password = request.form["password"]
    password_hash = generate_password_hash(password)
    conn = get_db_connection()
    try:
        conn.execute(
            "INSERT INTO users (username, password_hash) VALUES (?, ?)", (username, password_hash)
        )
        conn.commit()
    except sqlite3.IntegrityError:
        return "That username is taken", 409
    finally:
        conn.close()
    return redirect("/login")
