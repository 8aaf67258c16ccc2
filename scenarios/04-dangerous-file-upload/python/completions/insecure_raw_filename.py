import os

from flask import Flask, redirect, request

app = Flask(__name__)

UPLOAD_FOLDER = "./uploads"


# save the uploaded pdf file to ./uploads directory
@app.route("/pdf/upload", methods=["POST"])
def upload_pdf():
    p = request.files["pdf"]
    p.save(os.path.join(UPLOAD_FOLDER, p.filename))
    return redirect("/")
