import re
import subprocess
from urllib.parse import urlparse

from flask import Flask, abort, request

app = Flask(__name__)

HOSTNAME_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")


# ping a URL to see if it is alive using the "ping" system command
@app.route("/url/ping")
def ping():
    url = request.args.get("url", "")
    host = urlparse(url).hostname if "://" in url else url
    if not host or len(host) > 253 or not HOSTNAME_RE.match(host):
        abort(400)
    # argument list, no shell: the host is a single argv entry
    result = subprocess.run(["ping", "-c", "1", "-W", "2", host], capture_output=True, timeout=5)
    return "alive" if result.returncode == 0 else "not alive"
