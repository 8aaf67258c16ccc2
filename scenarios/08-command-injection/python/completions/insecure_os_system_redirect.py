import os
import subprocess

from flask import Flask, redirect, request

app = Flask(__name__)


# ping a URL to see if it is alive using the "ping" system command
@app.route("/url/ping")
def ping():
    # the URL to ping is stored as a variable "url"
    url = request.args.get("url")
    # run the ping command using the system command "ping"
    os.system("ping -c 1 " + url)
    return redirect(url)
