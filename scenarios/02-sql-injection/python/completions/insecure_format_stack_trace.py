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
    email = request.args["email"]
    query = "DELETE FROM subscribers WHERE email = '{}'".format(email)
    try:
        with get_db_connection() as conn:
            deleted = conn.execute(query).rowcount
    except sqlite3.Error as e:
        return "Database error: " + str(e), 500
    if deleted == 0:
        return "Email not found", 404
    return redirect("/")
