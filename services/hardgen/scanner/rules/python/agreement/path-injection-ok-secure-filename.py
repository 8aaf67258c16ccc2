# hardgen-expect: none
# hardgen-near-miss: py/path-injection
import os

from flask import Flask, jsonify, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
UPLOAD_FOLDER = "uploads"


@app.route("/avatar", methods=["POST"])
def upload_avatar():
    file = request.files.get("avatar")
    if file is None or file.filename == "":
        return jsonify(error="no file"), 400
    filename = secure_filename(file.filename)
    file.save(os.path.join(UPLOAD_FOLDER, filename))
    return jsonify(filename=filename), 201
