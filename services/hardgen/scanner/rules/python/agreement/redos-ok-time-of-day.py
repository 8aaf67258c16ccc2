# hardgen-expect: none
# hardgen-near-miss: py/redos
import re

from flask import Flask, jsonify, request

app = Flask(__name__)
TIME = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$")


@app.route("/alarm", methods=["POST"])
def alarm():
    at = request.form.get("at", "")
    if not TIME.match(at):
        return jsonify(error="use HH:MM"), 400
    return jsonify(alarm=at)
