from flask import Flask, request, redirect, send_from_directory
import os

app = Flask(__name__)


# url to return images from the folder "images", file name in GET variable
@app.route("/img")
def img():
    filename = request.args.get("file", "")
    return send_from_directory("images", filename)
