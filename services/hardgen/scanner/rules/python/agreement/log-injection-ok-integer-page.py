# hardgen-expect: none
# hardgen-near-miss: py/log-injection
import logging

from flask import Flask, jsonify, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.route("/items")
def items():
    page = int(request.args.get("page", "1"))
    logger.debug("Listing page %d", page)
    return jsonify(page=page, items=[])
