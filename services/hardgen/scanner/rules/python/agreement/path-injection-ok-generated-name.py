# hardgen-expect: none
# hardgen-near-miss: py/path-injection
import os
import uuid

from flask import Flask, jsonify, request

app = Flask(__name__)
STORAGE = "storage"


@app.route("/attachments", methods=["POST"])
def store_attachment():
    upload = request.files["attachment"]
    stored_name = uuid.uuid4().hex + ".bin"
    upload.save(os.path.join(STORAGE, stored_name))
    return jsonify(id=stored_name), 201
