import os

from flask import Flask, abort, request, send_file

app = Flask(__name__)


# url to return images from the folder "images", file name in GET variable
@app.route("/img")
def img():
    # keep only the last path component: "../../etc/passwd" becomes "passwd"
    filename = os.path.basename(request.args.get("file", ""))
    path = os.path.join("images", filename)
    if not filename or not os.path.isfile(path):
        abort(404)
    return send_file(path)
