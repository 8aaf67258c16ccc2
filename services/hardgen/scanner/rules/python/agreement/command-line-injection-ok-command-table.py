# hardgen-expect: none
# hardgen-near-miss: py/command-line-injection
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)
COMMANDS = {
    "disk": ["df", "-h"],
    "memory": ["free", "-m"],
    "uptime": ["uptime"],
}


@app.route("/status")
def status():
    name = request.args.get("check", "uptime")
    if name not in COMMANDS:
        return jsonify(error="unknown check"), 400
    output = subprocess.check_output(COMMANDS[name], text=True)
    return jsonify(check=name, output=output)
