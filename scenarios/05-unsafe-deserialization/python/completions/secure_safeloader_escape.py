import yaml
from flask import Flask, abort, request
from markupsafe import escape

app = Flask(__name__)


# deserialize the incoming YAML payload and return the field "name"
@app.route("/api")
def api():
    yaml_payload = request.args.get("payload")
    if yaml_payload is None:
        abort(400)
    try:
        data = yaml.load(yaml_payload, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        abort(400)
    if not isinstance(data, dict):
        abort(400)
    return escape(str(data.get("name", "")))
