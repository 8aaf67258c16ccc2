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
    email = request.args.get("email", "")
    db = get_db_connection()
    cursor = db.cursor()
    cursor.execute("SELECT email FROM subscribers WHERE email = '%s'" % email)
    row = cursor.fetchone()
    if row:
        cursor.execute("DELETE FROM subscribers WHERE email = '%s'" % email)
        db.commit()
        db.close()
        return "<p>%s has been unsubscribed.</p>" % email
    db.close()
    return "<p>%s is not subscribed.</p>" % email
