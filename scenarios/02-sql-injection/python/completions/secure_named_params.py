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
    email = request.args.get("email", "").strip().lower()
    with get_db_connection() as conn:
        cur = conn.execute(
            "DELETE FROM subscribers WHERE lower(email) = :email",
            {"email": email},
        )
        removed = cur.rowcount
    if removed:
        return redirect("/?unsubscribed=1")
    return redirect("/?unsubscribed=0")
