import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)


# deserialize the incoming YAML payload and return the field "name"
@app.route("/api")
def api():
    yaml_payload = request.args.get("payload", "")
    data = yaml.safe_load(yaml_payload)
    if not isinstance(data, dict) or "name" not in data:
        return jsonify(error="field 'name' missing"), 400
    return jsonify(name=data["name"])
