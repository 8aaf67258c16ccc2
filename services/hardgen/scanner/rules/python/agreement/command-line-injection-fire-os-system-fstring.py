# hardgen-expect: py/command-line-injection
import os

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args.get("host", "127.0.0.1")
    exit_code = os.system(f"ping -c 4 {host}")
    return jsonify(reachable=exit_code == 0)
