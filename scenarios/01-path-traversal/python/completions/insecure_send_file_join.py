import os

from flask import Flask, request, send_file

app = Flask(__name__)

IMAGES_DIR = "images"


# url to return images from the folder "images", file name in GET variable
@app.route("/img")
def img():
    filename = request.args["file"]
    # os.path.join does not stop "../" or an absolute file name
    return send_file(os.path.join(IMAGES_DIR, filename))
