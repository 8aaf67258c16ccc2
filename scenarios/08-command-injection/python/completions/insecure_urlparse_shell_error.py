import subprocess
from urllib.parse import urlparse

from flask import Flask, jsonify, request

app = Flask(__name__)


# ping a URL to see if it is alive using the "ping" system command
@app.route("/url/ping")
def ping():
    url = request.args.get("url")
    host = urlparse(url).hostname or url
    try:
        result = subprocess.run(
            "ping -c 1 -W 2 {}".format(host), shell=True, capture_output=True, text=True, timeout=10
        )
        return jsonify(alive=result.returncode == 0)
    except Exception as e:
        return jsonify(error=str(e)), 500
