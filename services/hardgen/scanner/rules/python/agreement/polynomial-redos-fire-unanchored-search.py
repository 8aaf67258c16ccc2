# hardgen-expect: py/polynomial-redos
import re

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/css/size")
def css_size():
    declaration = request.args.get("decl", "")
    found = re.search(r"\d+px", declaration)
    return jsonify(size=found.group(0) if found else None)
