# hardgen-expect: none
# hardgen-near-miss: py/hardcoded-credentials
from flask import Flask, jsonify, request
from werkzeug.security import check_password_hash

app = Flask(__name__)
USERS = {"alice": "pbkdf2:sha256:600000$abc$0123456789abcdef"}


@app.route("/login", methods=["POST"])
def login():
    username = request.form.get("username", "")
    password = request.form.get("password", "")
    stored = USERS.get(username)
    if stored and check_password_hash(stored, password):
        return jsonify(success=True)
    return jsonify(success=False, error="Invalid username or password"), 401
