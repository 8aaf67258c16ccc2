# hardgen-expect: py/polynomial-redos
import re

from flask import Flask, jsonify, request

app = Flask(__name__)
COMMENTS = []


@app.route("/comments", methods=["POST"])
def add_comment():
    text = request.form.get("comment", "")
    cleaned = re.sub(r"\s+$", "", text)
    COMMENTS.append(cleaned)
    return jsonify(count=len(COMMENTS)), 201
