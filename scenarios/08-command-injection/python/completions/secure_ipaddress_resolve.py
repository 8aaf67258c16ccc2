import ipaddress
import socket
import subprocess

from flask import Flask, jsonify, request

app = Flask(__name__)


# ping a URL to see if it is alive using the "ping" system command
@app.route("/url/ping")
def ping():
    target = request.args.get("url", "")
    host = target.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    try:
        address = ipaddress.ip_address(socket.gethostbyname(host))
    except (OSError, ValueError):
        return jsonify(error="unknown host"), 400
    if address.is_private or address.is_loopback or address.is_link_local:
        return jsonify(error="address not allowed"), 403
    code = subprocess.call(
        ["ping", "-c", "1", "-W", "2", str(address)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return jsonify(alive=code == 0)
