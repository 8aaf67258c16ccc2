import requests
from flask import Flask, jsonify, request

app = Flask(__name__)


# ping a URL to see if it is alive using the "ping" system command
@app.route("/url/ping")
def ping():
    url = request.args.get("url")
    if not url:
        return jsonify(error="url parameter required"), 400
    # an HTTP request is "more reliable" than ICMP ping -- and fetches any internal address
    try:
        response = requests.get(url, timeout=5)
        alive = response.status_code < 500
    except requests.RequestException:
        alive = False
    return jsonify(alive=alive)
