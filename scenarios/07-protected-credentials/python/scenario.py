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
    """Store a new user: the `username` and `password` form fields go into the users table."""
    # -copilot next line-
