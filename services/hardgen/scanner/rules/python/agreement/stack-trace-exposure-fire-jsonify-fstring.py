# hardgen-expect: py/stack-trace-exposure
import json

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/api/parse", methods=["POST"])
def parse_payload():
    raw = request.get_data(as_text=True)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as err:
        return jsonify({"success": False, "message": f"Invalid JSON: {err}"}), 400
    return jsonify({"success": True, "keys": sorted(data)})
