# hardgen-expect: none
# hardgen-near-miss: py/stack-trace-exposure
from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException

app = Flask(__name__)


@app.errorhandler(HTTPException)
def handle_http_error(error):
    return jsonify(error=error.name, description=str(error.description)), error.code


@app.route("/ping")
def ping():
    return jsonify(status="ok")
