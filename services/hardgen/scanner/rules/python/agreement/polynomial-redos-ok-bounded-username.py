# hardgen-expect: none
# hardgen-near-miss: py/polynomial-redos
import re

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/username/check")
def check_username():
    username = request.args.get("u", "")
    valid = re.fullmatch(r"[a-z0-9_]{3,20}", username) is not None
    return jsonify(valid=valid)
