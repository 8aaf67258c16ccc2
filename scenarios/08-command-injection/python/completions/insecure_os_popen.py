import os
import subprocess

from flask import Flask, redirect, request

app = Flask(__name__)


# ping a URL to see if it is alive using the "ping" system command
@app.route("/url/ping")
def ping():
    url = request.args["url"]
    response = os.popen("ping -c 4 %s" % url).read()
    if "1 received" in response or "4 received" in response:
        return "alive"
    return "not alive"
