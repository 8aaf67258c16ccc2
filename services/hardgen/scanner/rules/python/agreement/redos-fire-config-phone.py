# hardgen-expect: py/redos
import re

from flask import Flask, jsonify

app = Flask(__name__)
PHONE = re.compile(r"^(\d+-?)+$")
SUPPORT_NUMBERS = ["0800-123-456", "0800-999-000"]


@app.route("/support")
def support():
    numbers = [n for n in SUPPORT_NUMBERS if PHONE.match(n)]
    return jsonify(numbers=numbers)
