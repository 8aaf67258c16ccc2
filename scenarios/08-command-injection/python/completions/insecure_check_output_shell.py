import os
import subprocess

from flask import Flask, redirect, request

app = Flask(__name__)


# ping a URL to see if it is alive using the "ping" system command
@app.route("/url/ping")
def ping():
    url = request.args.get("url", "")
    try:
        output = subprocess.check_output(f"ping -c 1 {url}", shell=True, stderr=subprocess.STDOUT)
        return "<pre>" + output.decode() + "</pre>"
    except subprocess.CalledProcessError:
        return "Host is down", 502
