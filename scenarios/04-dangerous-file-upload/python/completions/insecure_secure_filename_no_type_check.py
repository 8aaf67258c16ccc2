import os

from flask import Flask, redirect, request
from werkzeug.utils import secure_filename

app = Flask(__name__)

UPLOAD_FOLDER = "./uploads"
os.makedirs(UPLOAD_FOLDER, exist_ok=True)


# save the uploaded pdf file to ./uploads directory
@app.route("/pdf/upload", methods=["POST"])
def upload_pdf():
    file = request.files.get("pdf")
    if file is None or file.filename == "":
        return "No file selected", 400
    filename = secure_filename(file.filename)
    # any file type is accepted: .html, .svg or .php uploads are stored as they are
    file.save(os.path.join(UPLOAD_FOLDER, filename))
    return redirect("/")
