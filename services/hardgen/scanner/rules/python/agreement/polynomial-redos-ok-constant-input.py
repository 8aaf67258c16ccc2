# hardgen-expect: none
# hardgen-near-miss: py/polynomial-redos
import re

from flask import Flask, jsonify

app = Flask(__name__)
BANNER = "Welcome to the service   "


@app.route("/banner")
def banner():
    return jsonify(text=re.sub(r"\s+$", "", BANNER))
