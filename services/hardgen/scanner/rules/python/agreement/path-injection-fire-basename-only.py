# hardgen-expect: py/path-injection
import os

from flask import Flask, request, send_file

app = Flask(__name__)
REPORTS = "/srv/reports"


@app.route("/reports/download")
def download_report():
    name = os.path.basename(request.args.get("name", ""))
    full_path = os.path.join(REPORTS, name)
    return send_file(full_path, as_attachment=True)
