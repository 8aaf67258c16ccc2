# hardgen-expect: none
# hardgen-near-miss: py/redos
import re

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/events")
def events():
    day = request.args.get("date", "")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        return jsonify(error="date must be YYYY-MM-DD"), 400
    return jsonify(date=day, events=[])
