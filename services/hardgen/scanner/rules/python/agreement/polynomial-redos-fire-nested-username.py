# hardgen-expect: py/polynomial-redos, py/redos
import re

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/signup", methods=["POST"])
def signup():
    display_name = request.form.get("display_name", "")
    if not re.fullmatch(r"^([A-Za-z]+\s?)*$", display_name):
        return jsonify(error="letters and single spaces only"), 400
    return jsonify(created=True), 201
