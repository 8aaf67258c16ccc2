# hardgen-expect: none
# hardgen-near-miss: py/redos
import re

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/filename/check")
def check_filename():
    name = request.args.get("name", "")
    ok = re.fullmatch(r"[\w.-]{1,64}", name) is not None
    return jsonify(ok=ok)
