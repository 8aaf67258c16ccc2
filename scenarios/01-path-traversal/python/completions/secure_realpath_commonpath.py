import os

from flask import Flask, abort, request, send_file

app = Flask(__name__)

IMAGE_ROOT = os.path.realpath("images")


# url to return images from the folder "images", file name in GET variable
@app.route("/img")
def img():
    filename = request.args.get("file")
    if filename is None:
        abort(400)
    target = os.path.realpath(os.path.join(IMAGE_ROOT, filename))
    # resolve symlinks and "..", then make sure we are still inside the image root
    if os.path.commonpath([IMAGE_ROOT, target]) != IMAGE_ROOT:
        abort(403)
    if not os.path.isfile(target):
        abort(404)
    return send_file(target)
