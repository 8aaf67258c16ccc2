# hardgen-expect: none
# hardgen-near-miss: py/stack-trace-exposure
from flask import Flask, jsonify

app = Flask(__name__)


def sync_inventory():
    return 12


@app.route("/sync", methods=["POST"])
def sync():
    try:
        count = sync_inventory()
    except Exception as exc:
        kind = type(exc).__name__
        return jsonify(error="sync failed", kind=kind), 500
    return jsonify(synced=count)
