# hardgen-expect: py/redos
import re

from flask import Flask, jsonify

app = Flask(__name__)
KEYWORDS = "alpha beta gamma"


@app.route("/keywords")
def keywords():
    ok = re.match(r"^(\w+\s*)+$", KEYWORDS) is not None
    return jsonify(ok=ok, keywords=KEYWORDS.split())
