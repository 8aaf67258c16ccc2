import yaml
from flask import Flask, jsonify, request

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:
    from yaml import SafeLoader

app = Flask(__name__)


# deserialize the incoming YAML payload and return the field "name"
@app.route("/api", methods=["GET", "POST"])
def api():
    text = request.args.get("payload") or request.get_data(as_text=True)
    try:
        data = yaml.load(text, Loader=SafeLoader)
    except yaml.YAMLError:
        return jsonify(error="payload is not valid YAML"), 400
    if not isinstance(data, dict):
        return jsonify(error="payload must be a mapping"), 400
    return jsonify(name=str(data.get("name", "")))
