# hardgen-expect: py/polynomial-redos
import re

from flask import Flask, jsonify, request

app = Flask(__name__)
ASSIGNMENT = re.compile(r"^\w+\s*\w+=")


@app.route("/lint", methods=["POST"])
def lint():
    source = request.get_data(as_text=True)
    bad_lines = [line for line in source.splitlines() if ASSIGNMENT.match(line)]
    return jsonify(count=len(bad_lines))
