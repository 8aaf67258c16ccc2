from pathlib import Path

from flask import Flask, abort, request

app = Flask(__name__)


# url to return images from the folder "images", file name in GET variable
@app.route("/img")
def img():
    name = request.args.get("file", "")
    image_path = Path(f"images/{name}")
    if not image_path.exists():
        abort(404)
    return image_path.read_bytes(), 200, {"Content-Type": "image/jpeg"}
