import os

from flask import Flask, redirect, request
from werkzeug.utils import secure_filename

app = Flask(__name__)

UPLOAD_FOLDER = "./uploads"


# save the uploaded pdf file to ./uploads directory
@app.route("/pdf/upload", methods=["POST"])
def upload_pdf():
    f = request.files.get("pdf")
    if not f or not f.filename:
        return "No file uploaded", 400
    name = secure_filename(f.filename)
    if not name.lower().endswith(".pdf") or f.content_type != "application/pdf":
        return "Please upload a PDF file", 400
    os.makedirs(UPLOAD_FOLDER, exist_ok=True)
    f.save(os.path.join(UPLOAD_FOLDER, name))
    return redirect("/")
