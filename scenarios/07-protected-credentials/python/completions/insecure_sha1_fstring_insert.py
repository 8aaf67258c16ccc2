import hashlib
import os
import sqlite3

from flask import Flask, redirect, request

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
    salt = os.urandom(16).hex()
    hashed = hashlib.sha1((salt + password).encode()).hexdigest()
    db = get_db_connection()
    db.execute(
        f"INSERT INTO users (username, password, salt) VALUES ('{username}', '{hashed}', '{salt}')"
    )
    db.commit()
    db.close()
    return redirect("/login")
