# hardgen-expect: py/log-injection
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/api/data")
def api_data():
    client = request.headers.get("X-Client-Id", "unknown")
    app.logger.warning("Data requested by client %s", client)
    return jsonify(items=[1, 2, 3])
