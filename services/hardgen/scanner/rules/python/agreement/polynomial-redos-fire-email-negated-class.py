# hardgen-expect: py/polynomial-redos
import re

from flask import Flask, jsonify, request

app = Flask(__name__)
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@app.route("/api/subscribe", methods=["POST"])
def subscribe():
    data = request.get_json(force=True)
    email = data.get("email", "")
    if not EMAIL_RE.match(email):
        return jsonify(error="invalid email"), 400
    return jsonify(subscribed=True), 201
