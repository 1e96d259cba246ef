"""Real Flask's side of FlaskInteropTest.

Reads one JSON request on stdin: {"secret_key": str, "max_age": int, "dump": [tagged JSON, ...],
"load": [cookie, ...]}; writes {"dumped": [cookie, ...], "loaded": [{"ok": true, "tagged_json": ...} |
{"ok": false, "error": class name}, ...]} on stdout. Serializes inside an app context, as Flask does when it
saves a session (sorted keys).
"""
import json
import sys

from flask import Flask
from flask.sessions import SecureCookieSessionInterface

request = json.load(sys.stdin)
app = Flask("flagon_interop")
app.secret_key = request["secret_key"]

with app.app_context():
    serializer = SecureCookieSessionInterface().get_signing_serializer(app)
    tagged = serializer.serializer  # Flask's TaggedJSONSerializer
    dumped = [serializer.dumps(tagged.loads(text)) for text in request["dump"]]
    loaded = []
    for cookie in request["load"]:
        try:
            session = serializer.loads(cookie, max_age=request["max_age"])
            loaded.append({"ok": isinstance(session, dict), "tagged_json": tagged.dumps(session)})
        except Exception as error:  # report every failure by class, as the CLI does
            loaded.append({"ok": False, "error": type(error).__name__})

json.dump({"dumped": dumped, "loaded": loaded}, sys.stdout)
