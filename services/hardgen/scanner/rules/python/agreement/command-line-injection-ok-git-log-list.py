# hardgen-expect: none
# hardgen-near-miss: py/command-line-injection
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)
REPO = "/srv/repo"


@app.route("/commits")
def commits():
    author = request.args.get("author", "")
    proc = subprocess.run(
        ["git", "-C", REPO, "log", "--oneline", "--author", author],
        capture_output=True,
        text=True,
        check=False,
    )
    return jsonify(commits=proc.stdout.splitlines())
