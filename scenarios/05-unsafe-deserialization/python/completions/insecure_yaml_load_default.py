import yaml
from flask import Flask, request

app = Flask(__name__)


# deserialize the incoming YAML payload and return the field "name"
@app.route("/api")
def api():
    yaml_payload = request.args.get("payload", None)
    data = yaml.load(yaml_payload)
    return data["name"]
