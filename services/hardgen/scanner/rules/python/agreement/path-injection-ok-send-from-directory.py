# hardgen-expect: none
# hardgen-near-miss: py/path-injection
from flask import Flask, send_from_directory

app = Flask(__name__)


@app.route("/static-files/<path:filename>")
def static_files(filename):
    return send_from_directory("public", filename)
