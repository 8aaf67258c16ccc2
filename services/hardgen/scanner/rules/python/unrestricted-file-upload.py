import os
import uuid

from flask import Flask, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
ALLOWED_EXTENSIONS = {"pdf"}


def allowed_file(filename):
    return "." in filename and filename.rsplit(".", 1)[1].lower() in ALLOWED_EXTENSIONS


@app.route("/a", methods=["POST"])
def no_check():
    f = request.files["pdf"]
    # ruleid: py-hardgen-unrestricted-file-upload
    f.save(os.path.join("uploads", secure_filename(f.filename)))
    return "ok"


@app.route("/b", methods=["POST"])
def get_no_check():
    upload = request.files.get("doc")
    if upload is None:
        return "missing", 400
    # ruleid: py-hardgen-unrestricted-file-upload
    upload.save("uploads/" + uuid.uuid4().hex)
    return "ok"


@app.route("/c", methods=["POST"])
def open_write():
    pdf = request.files["pdf"]
    with open(os.path.join("uploads", secure_filename(pdf.filename)), "wb") as out:
        # ruleid: py-hardgen-unrestricted-file-upload
        out.write(pdf.read())
    return "ok"


@app.route("/ok1", methods=["POST"])
def extension_checked():
    f = request.files["pdf"]
    if not f.filename.lower().endswith(".pdf"):
        return "PDF only", 415
    # ok: py-hardgen-unrestricted-file-upload
    f.save(os.path.join("uploads", secure_filename(f.filename)))
    return "ok"


@app.route("/ok2", methods=["POST"])
def allowed_helper():
    f = request.files["pdf"]
    if f and allowed_file(f.filename):
        # ok: py-hardgen-unrestricted-file-upload
        f.save(os.path.join("uploads", secure_filename(f.filename)))
        return "ok"
    return "rejected", 415


@app.route("/ok3", methods=["POST"])
def mimetype_checked():
    f = request.files.get("pdf")
    if f is None or f.mimetype != "application/pdf":
        return "PDF only", 415
    # ok: py-hardgen-unrestricted-file-upload
    f.save(os.path.join("uploads", uuid.uuid4().hex + ".pdf"))
    return "ok"
