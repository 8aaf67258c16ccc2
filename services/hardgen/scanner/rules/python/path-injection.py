import json
import os
import shutil
from pathlib import Path

from flask import Flask, request, send_file, send_from_directory
from werkzeug.utils import safe_join, secure_filename

app = Flask(__name__)
BASE = os.path.realpath("images")


@app.route("/a")
def concat_open():
    name = request.args.get("file")
    # ruleid: py-path-injection
    with open("images/" + name, "rb") as handle:
        return handle.read()


@app.route("/b/<path:name>")
def route_param_send_file(name):
    # ruleid: py-path-injection
    return send_file(os.path.join("images", name))


@app.route("/c")
def pathlib_read():
    p = Path(f"images/{request.args['file']}")
    # ruleid: py-path-injection
    return p.read_bytes()


@app.route("/d", methods=["POST"])
def upload_save():
    f = request.files["doc"]
    # ruleid: py-path-injection
    f.save(os.path.join("uploads", f.filename))
    return "ok"


@app.route("/e")
def delete_file():
    target = request.form["name"]
    # ruleid: py-path-injection
    os.remove("/var/data/" + target)
    # ruleid: py-path-injection
    shutil.copy("template.txt", target)
    return "deleted"


@app.route("/g")
def basename_is_a_taint_step():
    # CodeQL's os.path computations (basename included) propagate taint: not a sanitiser there
    name = os.path.basename(request.args.get("file", ""))
    # ruleid: py-path-injection
    return send_file(os.path.join("images", name))


@app.route("/ok2", methods=["POST"])
def secure_filename_ok():
    f = request.files["doc"]
    # ok: py-path-injection
    f.save(os.path.join("uploads", secure_filename(f.filename)))
    return "ok"


@app.route("/ok3")
def safe_join_ok():
    path = safe_join("images", request.args.get("file", ""))
    if path is None:
        return "no", 404
    # ok: py-path-injection
    return send_file(path)


@app.route("/ok4")
def prefix_check_ok():
    full = os.path.realpath(os.path.join(BASE, request.args.get("file", "")))
    if not full.startswith(BASE + os.sep):
        return "forbidden", 403
    # ok: py-path-injection
    return send_file(full)


@app.route("/ok5")
def send_from_directory_ok():
    # ok: py-path-injection
    return send_from_directory("images", request.args.get("file", ""))


@app.route("/ok6")
def constant_ok():
    # ok: py-path-injection
    with open("images/logo.png", "rb") as handle:
        return handle.read()


@app.route("/ok7/<int:image_id>")
def int_ok(image_id):
    # ok: py-path-injection
    return send_file(os.path.join("images", "%d.png" % int(image_id)))


@app.route("/f")
def prefix_check_without_normalisation():
    path = os.path.join("images", request.args.get("file", ""))
    # "images/../../etc/passwd" starts with "images": the check proves nothing
    if not path.startswith("images"):
        return "forbidden", 403
    # ruleid: py-path-injection
    return send_file(path)


@app.route("/h")
def resolved_is_relative_to():
    # CodeQL knows only os.path normalisation followed by startswith: Path.resolve() and
    # is_relative_to() are neither, so this confined read is still reported
    root = Path("images").resolve()
    target = (root / request.args.get("file", "")).resolve()
    if not target.is_relative_to(root):
        return "forbidden", 403
    # ruleid: py-path-injection
    return send_file(target)


@app.route("/i")
def wrapped_open():
    # json.load has no taint step, but the open() inside it is still the sink
    # ruleid: py-path-injection
    return json.load(open(os.path.join("data", request.args["name"])))
