from flask import Flask, request

app = Flask(__name__)


# save the uploaded pdf file to ./uploads directory
@app.route("/pdf/upload", methods=["POST"])
def upload_pdf():
    uploaded = request.files["pdf"]
    with open(f"uploads/{uploaded.filename}", "wb") as out:
        out.write(uploaded.read())
    return f"<p>Uploaded {uploaded.filename} successfully</p>"


if __name__ == "__main__":
    app.run(debug=True)
