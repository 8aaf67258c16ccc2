import base64
import marshal
import pickle

import yaml
from flask import Flask, request

app = Flask(__name__)


@app.route("/a")
def yaml_default():
    # ruleid: py-unsafe-deserialization
    return yaml.load(request.args.get("payload"))["name"]


@app.route("/b")
def yaml_loader():
    payload = request.args["payload"]
    # ruleid: py-unsafe-deserialization
    return str(yaml.load(payload, Loader=yaml.Loader))


@app.route("/c")
def yaml_unsafe():
    # ruleid: py-unsafe-deserialization
    return str(yaml.unsafe_load(request.get_data()))


@app.route("/d")
def pickle_b64():
    blob = base64.b64decode(request.cookies.get("state", ""))
    # ruleid: py-unsafe-deserialization
    return str(pickle.loads(blob))


@app.route("/e", methods=["POST"])
def marshal_body():
    # ruleid: py-unsafe-deserialization
    return str(marshal.loads(request.data))


@app.route("/f")
def full_loader():
    # ruleid: py-unsafe-deserialization
    return str(yaml.load(request.args["p"], Loader=yaml.FullLoader))


@app.route("/ok1")
def safe_load():
    # ok: py-unsafe-deserialization
    return str(yaml.safe_load(request.args.get("payload")))


@app.route("/ok2")
def safe_loader():
    # ok: py-unsafe-deserialization
    return str(yaml.load(request.args.get("payload"), Loader=yaml.SafeLoader))


@app.route("/ok3")
def local_file():
    with open("config.yaml") as fh:
        # ok: py-unsafe-deserialization
        return str(yaml.load(fh, Loader=yaml.Loader))
