import yaml
from flask import Flask, request
from markupsafe import escape

app = Flask(__name__)


# deserialize the incoming YAML payload and return the field "name"
@app.route("/api")
def api():
    yaml_payload = request.args.get("payload", "")
    # FullLoader still constructs arbitrary Python objects on old PyYAML versions
    parsed = yaml.load(yaml_payload, Loader=yaml.FullLoader)
    name = parsed.get("name", "") if isinstance(parsed, dict) else ""
    return str(escape(name))


if __name__ == "__main__":
    app.run(debug=True)
