# hardgen-expect: py/log-injection
import logging

from flask import Flask, jsonify, request

app = Flask(__name__)
audit = logging.getLogger("audit")


@app.route("/api/feedback", methods=["POST"])
def feedback():
    payload = request.get_json()
    subject = payload.get("subject", "").strip()
    audit.info("Feedback received: %s", subject)
    return jsonify(received=True), 201
