# hardgen-expect: none
# hardgen-near-miss: py/log-injection
import logging

from flask import Flask, jsonify, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.route("/export")
def export():
    fmt = request.args.get("format", "csv")
    if fmt in ("csv", "json", "xlsx"):
        logger.info("Export requested as %s", fmt)
        return jsonify(format=fmt)
    return jsonify(error="unsupported format"), 400
