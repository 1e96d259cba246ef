"""Live msgspec for the Java tests: one JSON request per stdin line, one JSON answer per stdout line.

Requests:
  {"op": "encode", "nv": NV} or {"op": "encode", "expr": "<Python expression>"}
      -> {"msgpack": {"hex": ...} | {"error": ...}, "json": {"hex": ...} | {"error": ...}}
         encoded exactly as Flask-Session 0.8 does: msgspec's Encoder().encode(value)
  {"op": "decode", "format": "msgpack" | "json", "hex": ...}
      -> {"nv": NV, "type": "<Python type name>"} | {"error": "<class>", "decode_error": bool}
         decode_error: the error is a msgspec.DecodeError, which Flask-Session catches to try its other
         decoder (anything else escapes as a 500)
"""
import datetime
import json
import sys
import uuid

import markupsafe
import msgspec

from nv import from_nv, to_nv

ENCODERS = {"msgpack": msgspec.msgpack.Encoder(), "json": msgspec.json.Encoder()}
DECODERS = {"msgpack": msgspec.msgpack.Decoder(), "json": msgspec.json.Decoder()}
NAMES = {"datetime": datetime, "uuid": uuid, "Markup": markupsafe.Markup}


def error_text(e):
    return f"{type(e).__name__}: {e}"


def encode(value):
    out = {}
    for name, encoder in ENCODERS.items():
        try:
            out[name] = {"hex": encoder.encode(value).hex()}
        except Exception as e:
            out[name] = {"error": error_text(e)}
    return out


def decode(fmt, data):
    try:
        value = DECODERS[fmt].decode(data)
    except BaseException as e:
        return {"error": type(e).__name__, "decode_error": isinstance(e, msgspec.DecodeError)}
    try:
        return {"nv": to_nv(value), "type": type(value).__name__}
    except TypeError as e:
        return {"error": "no NV: " + str(e), "decode_error": False}


def answer(request):
    if request["op"] == "encode":
        value = eval(request["expr"], dict(NAMES)) if "expr" in request else from_nv(request["nv"])
        return encode(value)
    if request["op"] == "decode":
        return decode(request["format"], bytes.fromhex(request["hex"]))
    raise ValueError("unknown op " + request["op"])


def main():
    sys.setrecursionlimit(1000)
    for line in sys.stdin:
        try:
            result = answer(json.loads(line))
        except Exception as e:
            result = {"oracle_error": error_text(e)}
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
