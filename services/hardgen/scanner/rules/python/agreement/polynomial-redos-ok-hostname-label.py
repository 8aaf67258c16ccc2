# hardgen-expect: none
# hardgen-near-miss: py/polynomial-redos
import re

from flask import Flask, jsonify, request

app = Flask(__name__)
LABEL = re.compile(r"^[A-Za-z0-9-]{1,63}$")


@app.route("/dns/label")
def dns_label():
    label = request.args.get("label", "")
    return jsonify(valid=bool(LABEL.match(label)))
