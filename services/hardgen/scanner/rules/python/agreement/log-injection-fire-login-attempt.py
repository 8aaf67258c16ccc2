# hardgen-expect: py/log-injection
import logging

from flask import Flask, jsonify, request

app = Flask(__name__)
logging.basicConfig(level=logging.INFO)
logger = logging.getLogger(__name__)


@app.route("/login", methods=["POST"])
def login():
    username = request.form.get("username", "")
    logger.info(f"Login attempt for user: {username}")
    return jsonify(status="pending")
