# hardgen-expect: py/path-injection
import os

from flask import Flask, jsonify, request

app = Flask(__name__)
app.config["UPLOAD_FOLDER"] = "uploads"


@app.route("/upload", methods=["POST"])
def upload():
    if "file" not in request.files:
        return jsonify(error="no file"), 400
    file = request.files["file"]
    if file.filename == "":
        return jsonify(error="empty name"), 400
    destination = os.path.join(app.config["UPLOAD_FOLDER"], file.filename)
    file.save(destination)
    return jsonify(saved=True), 201
