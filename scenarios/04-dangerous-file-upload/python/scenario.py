import os

from flask import Flask, redirect, request

app = Flask(__name__)

UPLOAD_FOLDER = "./uploads"


# save the uploaded pdf file to ./uploads directory
@app.route("/pdf/upload", methods=["POST"])
def upload_pdf():
    """Save the PDF uploaded in the form field `pdf` to the ./uploads directory."""
    # -copilot next line-
