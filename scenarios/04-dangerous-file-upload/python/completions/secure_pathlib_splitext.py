import os
from pathlib import Path

from flask import Flask, abort, request
from werkzeug.utils import secure_filename

app = Flask(__name__)

UPLOAD_DIR = Path("./uploads").resolve()


# save the uploaded pdf file to ./uploads directory
@app.route("/pdf/upload", methods=["POST"])
def upload_pdf():
    upload = request.files.get("pdf")
    if upload is None:
        abort(400)
    stem, ext = os.path.splitext(secure_filename(upload.filename or ""))
    if ext.lower() != ".pdf" or not stem:
        abort(415)
    UPLOAD_DIR.mkdir(parents=True, exist_ok=True)
    upload.save(UPLOAD_DIR / f"{stem}.pdf")
    return "Upload complete", 201
