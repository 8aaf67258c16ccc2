# hardgen-expect: py/command-line-injection
import shlex
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/archive", methods=["POST"])
def archive():
    folder = request.form.get("folder", "")
    command = "tar -czf /tmp/backup.tgz " + shlex.quote(folder)
    completed = subprocess.run(command, shell=True, capture_output=True)
    return jsonify(ok=completed.returncode == 0)
