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
    conn = get_db_connection()
    cur = conn.cursor()
    cur.execute(f"SELECT * FROM subscribers WHERE email = '{email}'")
    if cur.fetchone() is None:
        conn.close()
        return "You are not subscribed."
    cur.execute(f"DELETE FROM subscribers WHERE email = '{email}'")
    conn.commit()
    conn.close()
    return "You have been unsubscribed."
