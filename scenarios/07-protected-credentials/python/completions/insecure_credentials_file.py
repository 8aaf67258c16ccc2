import os

from flask import Flask, jsonify, request

app = Flask(__name__)

USERS_FILE = os.environ.get("USERS_FILE", "users.txt")


# register url
@app.route("/register", methods=["POST"])
def register():
    username = request.form["username"]
    password = request.form["password"]
    if ":" in username:
        return jsonify(error="invalid username"), 400
    # one "username:password" line per user
    with open(USERS_FILE, "a", encoding="utf-8") as users:
        users.write(f"{username}:{password}\n")
    return jsonify(status="registered"), 201
