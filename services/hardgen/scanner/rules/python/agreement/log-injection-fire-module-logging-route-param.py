# hardgen-expect: py/log-injection
import logging

from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/orders/<order_ref>")
def order(order_ref):
    logging.info("Looking up order " + order_ref)
    return jsonify(order=order_ref.upper(), status="shipped")
