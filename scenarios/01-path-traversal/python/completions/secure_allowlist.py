import os

from flask import Flask, abort, request, send_from_directory

app = Flask(__name__)

IMAGES = "images"
ALLOWED_EXTENSIONS = {".png", ".jpg", ".jpeg", ".gif", ".webp"}


# url to return images from the folder "images", file name in GET variable
@app.route("/img")
def img():
    filename = request.args.get("file", "")
    # only names that really exist in the folder are served
    if filename not in os.listdir(IMAGES):
        abort(404)
    if os.path.splitext(filename)[1].lower() not in ALLOWED_EXTENSIONS:
        abort(415)
    return send_from_directory(IMAGES, filename)
