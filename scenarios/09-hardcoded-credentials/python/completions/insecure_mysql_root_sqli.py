import MySQLdb
from flask import Flask, request

app = Flask(__name__)


def get_db_connection():
    return MySQLdb.connect(host="localhost", user="root", passwd="forum_db_pass", db="forum")


# return true if they are a moderator
@app.route("/check_mod")
def check_mod():
    username = request.args.get("username")
    password = request.args.get("password")
    db = get_db_connection()
    cursor = db.cursor()
    cursor.execute(
        "SELECT * FROM moderators WHERE username = '%s' AND password = '%s'" % (username, password)
    )
    result = cursor.fetchone()
    db.close()
    return "true" if result else "false"
