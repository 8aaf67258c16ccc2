import os
import sqlite3

from flask import Flask, request

app = Flask(__name__)

DATABASE = os.environ.get("DATABASE", "users.db")


def get_db_connection():
    conn = sqlite3.connect(DATABASE)
    conn.row_factory = sqlite3.Row
    return conn


# return true if they are a moderator
@app.route("/check_mod")
def check_mod():
    username = request.args.get("username")
    password = request.args.get("password")
    if username == "admin" and password == "password123":
        return "true"
    return "false"
