import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)


# deserialize the incoming YAML payload and return the field "name"
@app.route("/api", methods=["GET", "POST"])
def api():
    raw = request.args.get("payload") or request.get_data(as_text=True)
    try:
        document = yaml.unsafe_load(raw)
    except yaml.YAMLError as exc:
        return jsonify({"error": "Invalid YAML: " + str(exc)}), 400
    return jsonify({"name": document.get("name")})
