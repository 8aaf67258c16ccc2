# hardgen-expect: py/command-line-injection
import os

from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/whois", methods=["POST"])
def whois():
    domain = request.form["domain"].strip()
    stream = os.popen("whois " + domain)
    text = stream.read()
    stream.close()
    return Response(text, mimetype="text/plain")
