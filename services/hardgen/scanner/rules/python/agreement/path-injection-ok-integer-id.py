# hardgen-expect: none
# hardgen-near-miss: py/path-injection
import json
import os

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/invoices")
def invoice():
    invoice_id = int(request.args.get("id", "0"))
    path = os.path.join("invoices", "%d.json" % invoice_id)
    if not os.path.exists(path):
        return jsonify(error="unknown invoice"), 404
    with open(path, encoding="utf-8") as handle:
        return jsonify(json.load(handle))
