# hardgen-expect: py/redos, py/polynomial-redos
import re

from flask import Flask, jsonify, request

app = Flask(__name__)
EMAIL_REGEX = re.compile(r"^([a-zA-Z0-9_\.\-])+\@(([a-zA-Z0-9\-])+\.)+([a-zA-Z0-9]{2,4})+$")


@app.route("/register", methods=["POST"])
def register():
    email = request.form.get("email", "")
    if not EMAIL_REGEX.match(email):
        return jsonify(error="invalid email"), 400
    return jsonify(registered=True), 201
