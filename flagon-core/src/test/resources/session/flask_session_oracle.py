"""Real Flask 3.1 on the other side of FlaskSessionInteropTest.

Reads one JSON request per line on stdin and answers one JSON line each:
  {"op": "dump", "keys": [b64...], "sign_with": i, "salt", "digest", "key_derivation",
   "tagged_json", "timestamp"}  -> {"ok": true, "cookie": "..."}   (Flask's cookie for that session)
  {"op": "load", "keys": [current, *fallbacks], ..., "cookie", "now", "max_age"}
                                -> {"ok": true, "tagged_json": "..."} (what Flask loads, re-serialized)
Errors come back as {"ok": false, "error": "<class>", "message": "..."}.
"""
import base64
import hashlib
import json
import sys

from flask import Flask
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import TimestampSigner

DIGESTS = {"sha1": hashlib.sha1, "sha256": hashlib.sha256, "sha384": hashlib.sha384,
           "sha512": hashlib.sha512}
CLOCK = {"now": 0}
# itsdangerous reads the time only here, for the timestamp written and for the age check.
TimestampSigner.get_timestamp = lambda self: CLOCK["now"]


def session_interface(request, secret, fallbacks):
    app = Flask("flagon-oracle")
    app.secret_key = secret
    app.config["SECRET_KEY_FALLBACKS"] = fallbacks

    class Interface(SecureCookieSessionInterface):
        salt = request["salt"]
        digest_method = staticmethod(DIGESTS[request["digest"]])
        key_derivation = request["key_derivation"]

    interface = Interface()
    return app, interface, interface.get_signing_serializer(app)


def answer(request):
    keys = [base64.b64decode(k) for k in request["keys"]]
    if request["op"] == "dump":
        app, interface, signer = session_interface(request, keys[request["sign_with"]], [])
        with app.app_context():
            session = interface.serializer.loads(request["tagged_json"])
            CLOCK["now"] = request["timestamp"]
            return {"ok": True, "cookie": signer.dumps(session)}
    app, interface, signer = session_interface(request, keys[0], keys[1:])
    with app.app_context():
        CLOCK["now"] = request["now"]
        value = signer.loads(request["cookie"], max_age=request["max_age"])
        return {"ok": True, "tagged_json": interface.serializer.dumps(dict(value))}


for line in sys.stdin:
    try:
        out = answer(json.loads(line))
    except Exception as e:  # reported to the Java side, which fails the test with it
        out = {"ok": False, "error": type(e).__name__, "message": str(e)[:300]}
    sys.stdout.write(json.dumps(out) + "\n")
    sys.stdout.flush()
