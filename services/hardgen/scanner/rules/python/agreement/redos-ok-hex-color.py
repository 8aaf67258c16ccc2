# hardgen-expect: none
# hardgen-near-miss: py/redos
import re

from flask import Flask, jsonify, request

app = Flask(__name__)
HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


@app.route("/theme", methods=["POST"])
def theme():
    color = request.form.get("color", "")
    if not HEX_COLOR.match(color):
        return jsonify(error="invalid color"), 400
    return jsonify(color=color.lower())
