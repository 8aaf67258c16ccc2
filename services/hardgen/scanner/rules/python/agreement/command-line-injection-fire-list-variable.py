# hardgen-expect: py/command-line-injection
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/traceroute")
def traceroute():
    target = request.args.get("target", "")
    cmd = ["traceroute", "-m", "10"]
    cmd.append(target)
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    return jsonify(stdout=result.stdout.splitlines(), code=result.returncode)
