import subprocess
from urllib.parse import urlsplit

import validators
from flask import Flask, jsonify, request

app = Flask(__name__)


# ping a URL to see if it is alive using the "ping" system command
@app.route("/url/ping")
def ping():
    url = request.args.get("url", "")
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    if not (validators.domain(host) or validators.ipv4(host)):
        return jsonify(error="not a host name or IPv4 address"), 400
    try:
        subprocess.run(
            ["ping", "-c", "1", "-W", "2", "--", host],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=5,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
        return jsonify(alive=False)
    return jsonify(alive=True)
