import os

from flask import Flask, abort, request, send_file
from werkzeug.utils import safe_join

app = Flask(__name__)
IMAGES_DIR = os.path.join(app.root_path, "images")


# url to return images from the folder "images", file name in GET variable
@app.route("/img")
def img():
    requested = request.args.get("file", "")
    # safe_join returns None when the result would leave IMAGES_DIR
    path = safe_join(IMAGES_DIR, requested)
    if path is None or not os.path.isfile(path):
        abort(404)
    return send_file(path)
