# hardgen-expect: py/stack-trace-exposure
from flask import Flask, jsonify, request

app = Flask(__name__)
ORDERS = {}


@app.route("/orders", methods=["POST"])
def create_order():
    payload = request.get_json(silent=True) or {}
    error = None
    try:
        quantity = int(payload.get("quantity", 1))
        ORDERS[len(ORDERS) + 1] = {"sku": str(payload.get("sku")), "quantity": quantity}
    except (TypeError, ValueError) as exc:
        error = "Could not create order: {}".format(exc)
    if error:
        return jsonify(status="error", detail=error), 400
    return jsonify(status="created", id=len(ORDERS)), 201
