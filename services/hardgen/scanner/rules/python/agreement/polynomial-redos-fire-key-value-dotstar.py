# hardgen-expect: py/polynomial-redos
import re

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/parse-setting", methods=["POST"])
def parse_setting():
    line = request.form.get("line", "")
    match = re.match(r"^(.*)=(.*);$", line)
    if match is None:
        return jsonify(error="expected key=value;"), 400
    return jsonify(key=match.group(1).strip(), value=match.group(2).strip())
