# hardgen-expect: py/path-injection
import os

from flask import Flask, abort, request, send_file

app = Flask(__name__)
IMAGE_DIR = os.path.join(os.path.dirname(__file__), "images")


@app.route("/image")
def get_image():
    filename = request.args.get("file")
    if not filename:
        abort(400)
    path = os.path.join(IMAGE_DIR, filename)
    if not os.path.isfile(path):
        abort(404)
    return send_file(path, mimetype="image/png")
