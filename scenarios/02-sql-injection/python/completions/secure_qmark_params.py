import os
import sqlite3

from flask import Flask, redirect, request

app = Flask(__name__)

DATABASE = os.environ.get("DATABASE", "subscribers.db")


def get_db_connection():
    conn = sqlite3.connect(DATABASE)
    conn.row_factory = sqlite3.Row
    return conn


# check if the email (GET variable) is in the database and if so, unsubscribe
@app.route("/unsubscribe")
def unsubscribe():
    email = request.args.get("email")
    if not email:
        return "Missing email parameter", 400
    conn = get_db_connection()
    try:
        row = conn.execute("SELECT id FROM subscribers WHERE email = ?", (email,)).fetchone()
        if row is None:
            return "You are not subscribed."
        conn.execute("DELETE FROM subscribers WHERE id = ?", (row["id"],))
        conn.commit()
    finally:
        conn.close()
    return "You have been unsubscribed."
