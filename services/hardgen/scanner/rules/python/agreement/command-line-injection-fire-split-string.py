# hardgen-expect: py/command-line-injection
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/convert/<name>")
def convert(name):
    width = request.args.get("width", "200")
    command = f"convert images/{name} -resize {width} thumbs/{name}"
    subprocess.run(command.split(), check=False)
    return jsonify(thumbnail=f"thumbs/{name}")
