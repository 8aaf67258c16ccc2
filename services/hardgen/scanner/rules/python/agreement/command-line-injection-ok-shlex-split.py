# hardgen-expect: none
# hardgen-near-miss: py/command-line-injection
import shlex
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/count-lines", methods=["POST"])
def count_lines():
    pattern = request.form.get("pattern", "")
    args = shlex.split("grep -c " + shlex.quote(pattern) + " /var/log/app.log")
    completed = subprocess.run(args, capture_output=True, text=True)
    return jsonify(matches=completed.stdout.strip())
