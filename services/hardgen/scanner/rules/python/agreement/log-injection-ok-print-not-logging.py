# hardgen-expect: none
# hardgen-near-miss: py/log-injection
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/echo-debug")
def echo_debug():
    value = request.args.get("value", "")
    print("debug value:", value)
    return jsonify(length=len(value))
