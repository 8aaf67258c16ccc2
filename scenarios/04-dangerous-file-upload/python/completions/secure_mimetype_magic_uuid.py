import os
import uuid

from flask import Flask, jsonify, request

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 16 * 1024 * 1024

UPLOAD_FOLDER = "./uploads"


# save the uploaded pdf file to ./uploads directory
@app.route("/pdf/upload", methods=["POST"])
def upload_pdf():
    pdf = request.files.get("pdf")
    if pdf is None:
        return jsonify(error="no file"), 400
    if pdf.mimetype != "application/pdf":
        return jsonify(error="only PDF files are accepted"), 415
    header = pdf.stream.read(5)
    pdf.stream.seek(0)
    if header != b"%PDF-":
        return jsonify(error="not a PDF document"), 415
    # the client's file name is never used on disk
    stored_name = f"{uuid.uuid4().hex}.pdf"
    os.makedirs(UPLOAD_FOLDER, exist_ok=True)
    pdf.save(os.path.join(UPLOAD_FOLDER, stored_name))
    return jsonify(id=stored_name), 201
