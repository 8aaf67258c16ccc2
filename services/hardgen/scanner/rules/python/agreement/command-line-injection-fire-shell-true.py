# hardgen-expect: py/command-line-injection
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/api/dns", methods=["POST"])
def dns_lookup():
    data = request.get_json()
    domain = data.get("domain", "")
    try:
        output = subprocess.check_output("nslookup " + domain, shell=True, text=True, timeout=10)
    except subprocess.CalledProcessError:
        return jsonify(error="lookup failed"), 400
    return jsonify(output=output.splitlines())
