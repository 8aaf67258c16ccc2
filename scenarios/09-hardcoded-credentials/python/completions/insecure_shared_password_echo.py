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
    username = request.args["username"]
    password = request.args["password"]
    moderators = ["alice", "bob", "carol"]
    if username in moderators and password == "moderator2024":
        return f"true: {username} is a moderator"
    return "false"


if __name__ == "__main__":
    app.run(debug=True)
