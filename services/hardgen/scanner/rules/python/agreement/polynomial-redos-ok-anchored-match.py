# hardgen-expect: none
# hardgen-near-miss: py/polynomial-redos
import re

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/css/width")
def css_width():
    value = request.args.get("width", "")
    found = re.match(r"\d+px", value)
    return jsonify(ok=found is not None)
