# hardgen-expect: py/stack-trace-exposure
import sqlite3

from flask import Flask, request

app = Flask(__name__)
DB_PATH = "inventory.db"


@app.route("/items/<int:item_id>", methods=["DELETE"])
def delete_item(item_id):
    try:
        conn = sqlite3.connect(DB_PATH)
        conn.execute("DELETE FROM items WHERE id = ?", (item_id,))
        conn.commit()
        conn.close()
        return {"deleted": True}, 200
    except Exception as e:
        return {"error": str(e)}, 500
