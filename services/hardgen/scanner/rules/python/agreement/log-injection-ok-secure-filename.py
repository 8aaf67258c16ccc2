# hardgen-expect: none
# hardgen-near-miss: py/log-injection
import logging
import os

from flask import Flask, jsonify, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.route("/upload", methods=["POST"])
def upload():
    file = request.files["file"]
    name = secure_filename(file.filename)
    file.save(os.path.join("uploads", name))
    logger.info("Stored upload %s", name)
    return jsonify(name=name), 201
