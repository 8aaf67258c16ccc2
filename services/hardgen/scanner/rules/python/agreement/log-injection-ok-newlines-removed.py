# hardgen-expect: none
# hardgen-near-miss: py/log-injection
import logging

from flask import Flask, jsonify, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.route("/search")
def search():
    term = request.args.get("q", "")
    safe_term = term.replace("\r\n", " ").replace("\n", " ")
    logger.info("Search for %s", safe_term)
    return jsonify(results=[])
