# hardgen-expect: none
# hardgen-near-miss: py/hardcoded-credentials
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/register", methods=["POST"])
def register():
    password = request.form.get("password", "")
    if len(password) < 12:
        return jsonify(error="Password must be at least 12 characters long"), 400
    return jsonify(registered=True), 201
