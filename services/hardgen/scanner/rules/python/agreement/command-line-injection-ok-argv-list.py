# hardgen-expect: none
# hardgen-near-miss: py/command-line-injection
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args.get("host", "127.0.0.1")
    result = subprocess.run(["ping", "-c", "4", host], capture_output=True, text=True, timeout=20)
    return jsonify(reachable=result.returncode == 0)
