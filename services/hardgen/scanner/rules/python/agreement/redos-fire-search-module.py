# hardgen-expect: py/redos
import re

from flask import Flask, jsonify

app = Flask(__name__)
DOCS = ["aaa-bbb", "ccc"]


def matches(term):
    return [d for d in DOCS if re.search(r"(a|aa)+b", d)]


@app.route("/docs/search")
def search_docs():
    return jsonify(results=matches("a"))
