import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)


# deserialize the incoming YAML payload and return the field "name"
@app.route("/api")
def api():
    payload = request.args.get("payload")
    if payload is None:
        return jsonify(error="payload is required"), 400
    obj = yaml.load(payload, Loader=yaml.Loader)
    return jsonify(name=obj.get("name"))
