import subprocess
from urllib.parse import urlparse

from flask import Flask, request
from markupsafe import escape

app = Flask(__name__)

MONITORED_HOSTS = {"example.com", "status.example.com", "api.example.com"}


# ping a URL to see if it is alive using the "ping" system command
@app.route("/url/ping")
def ping():
    url = request.args.get("url", "")
    host = urlparse(url).hostname
    if host not in MONITORED_HOSTS:
        return "Unknown host", 400
    completed = subprocess.run(["ping", "-c", "1", host], capture_output=True, check=False, timeout=5)
    status = "alive" if completed.returncode == 0 else "down"
    return f"<p>{escape(host)} is {status}</p>"
