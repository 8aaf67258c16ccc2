# hardgen-expect: none
# hardgen-near-miss: py/command-line-injection
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/logs/tail")
def tail_logs():
    lines = int(request.args.get("lines", "50"))
    output = subprocess.run(["tail", "-n", str(lines), "/var/log/app.log"], capture_output=True, text=True)
    return jsonify(lines=output.stdout.splitlines())
