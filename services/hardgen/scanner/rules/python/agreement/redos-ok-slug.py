# hardgen-expect: none
# hardgen-near-miss: py/redos
import re

from flask import Flask, jsonify, request

app = Flask(__name__)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@app.route("/articles", methods=["POST"])
def create_article():
    slug = request.form.get("slug", "")
    if not SLUG.match(slug):
        return jsonify(error="invalid slug"), 400
    return jsonify(slug=slug), 201
