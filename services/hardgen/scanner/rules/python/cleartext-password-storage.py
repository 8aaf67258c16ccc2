import hashlib
import json
import os
import sqlite3

import bcrypt
from flask import Flask, request
from werkzeug.security import generate_password_hash

app = Flask(__name__)
conn = sqlite3.connect("users.db")


@app.route("/a", methods=["POST"])
def plain_insert():
    username = request.form["username"]
    password = request.form["password"]
    # ruleid: py-hardgen-cleartext-password-storage
    conn.execute("INSERT INTO users (username, password) VALUES (?, ?)", (username, password))
    return "ok"


def plain_update(username, new_password):
    # ruleid: py-hardgen-cleartext-password-storage
    conn.execute(f"UPDATE users SET password = '{new_password}' WHERE username = ?", (username,))


def plain_file_is_the_codeql_query(username, password):
    with open("users.txt", "a") as fh:
        # ok: py-hardgen-cleartext-password-storage
        fh.write(f"{username}:{password}\n")


def werkzeug_ok(username, password):
    # ok: py-hardgen-cleartext-password-storage
    conn.execute(
        "INSERT INTO users (username, password_hash) VALUES (?, ?)",
        (username, generate_password_hash(password)),
    )


def bcrypt_ok(username, password):
    hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt())
    # ok: py-hardgen-cleartext-password-storage
    conn.execute("INSERT INTO users (username, password_hash) VALUES (?, ?)", (username, hashed))


def scrypt_ok(username, password):
    salt = os.urandom(16)
    key = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    # ok: py-hardgen-cleartext-password-storage
    conn.execute("INSERT INTO users VALUES (?, ?, ?)", (username, salt, key))


def select_ok(username, password):
    # ok: py-hardgen-cleartext-password-storage
    return conn.execute("SELECT 1 FROM users WHERE username = ? AND password = ?", (username, password))


def json_ok(username):
    with open("profile.json", "w") as fh:
        # ok: py-hardgen-cleartext-password-storage
        json.dump({"username": username}, fh)
