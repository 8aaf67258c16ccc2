# hardgen-expect: none
# hardgen-near-miss: py/polynomial-redos
import re

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/tags", methods=["POST"])
def tags():
    raw = request.form.get("tags", "")
    parts = [tag.strip().lower() for tag in re.split(r"[,;]", raw) if tag.strip()]
    return jsonify(tags=sorted(set(parts)))
