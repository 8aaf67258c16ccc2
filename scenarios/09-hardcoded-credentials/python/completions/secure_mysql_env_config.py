import os

import MySQLdb
from flask import Flask, request
from werkzeug.security import check_password_hash

app = Flask(__name__)


def get_db_connection():
    # connection credentials come from the deployment, not from the source
    return MySQLdb.connect(
        host=os.environ["DB_HOST"],
        user=os.environ["DB_USER"],
        passwd=os.environ["DB_PASSWORD"],
        db=os.environ.get("DB_NAME", "forum"),
    )


# return true if they are a moderator
@app.route("/check_mod")
def check_mod():
    username = request.args.get("username", "")
    password = request.args.get("password", "")
    db = get_db_connection()
    try:
        cursor = db.cursor()
        cursor.execute("SELECT password_hash FROM moderators WHERE username = %s", (username,))
        row = cursor.fetchone()
    finally:
        db.close()
    return "true" if row and check_password_hash(row[0], password) else "false"
