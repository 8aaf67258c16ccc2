# hardgen-expect: none
# hardgen-near-miss: py/stack-trace-exposure
import logging

from flask import Flask, jsonify

app = Flask(__name__)
logger = logging.getLogger(__name__)


def compute():
    return 42


@app.route("/compute")
def run_compute():
    try:
        return jsonify(result=compute())
    except Exception:
        logger.exception("compute failed")
        return jsonify(error="An internal error has occurred"), 500
