"""The spec's neutral value encoding (shared/spec section 1.3) for Flask-Session's values.

Extends it with what msgspec's MessagePack decoder can return besides: non-string dict keys are NV like
any value, and an ``msgspec.msgpack.Ext`` becomes ``{"type": "ext", "code": N, "base64": ...}``.
"""
import base64
import datetime as _dt
import decimal
import math
import uuid

import markupsafe
import msgspec

SAFE_INT = 2**53


def float_text(f):
    if math.isnan(f):
        return "nan"
    if math.isinf(f):
        return "inf" if f > 0 else "-inf"
    return repr(f)


def to_nv(v):
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, markupsafe.Markup):
        return {"type": "markup", "value": str(v)}
    if isinstance(v, str):
        return str(v)
    if isinstance(v, int):
        if -SAFE_INT < v < SAFE_INT:
            return int(v)
        return {"type": "int", "value": str(v)}
    if isinstance(v, float):
        return {"type": "float", "value": float_text(v)}
    if isinstance(v, bytes):
        return {"type": "bytes", "base64": base64.b64encode(v).decode("ascii")}
    if isinstance(v, tuple):
        return {"type": "tuple", "items": [to_nv(x) for x in v]}
    if isinstance(v, list):
        return [to_nv(x) for x in v]
    if isinstance(v, dict):
        return {"type": "dict", "entries": [[to_nv(k), to_nv(x)] for k, x in v.items()]}
    if isinstance(v, uuid.UUID):
        return {"type": "uuid", "value": str(v)}
    if isinstance(v, _dt.datetime):
        return {"type": "datetime", "value": v.isoformat()}
    if isinstance(v, _dt.date):
        return {"type": "date", "value": v.isoformat()}
    if isinstance(v, decimal.Decimal):
        return {"type": "decimal", "value": str(v)}
    if isinstance(v, msgspec.msgpack.Ext):
        return {"type": "ext", "code": v.code, "base64": base64.b64encode(v.data).decode("ascii")}
    raise TypeError(f"no NV encoding for {type(v).__name__}")


def from_nv(n):
    if n is None or isinstance(n, (bool, str, int)):
        return n
    if isinstance(n, float):
        raise TypeError("bare JSON floats are not allowed in NV; use {type: float}")
    if isinstance(n, list):
        return [from_nv(x) for x in n]
    t = n["type"]
    if t == "int":
        return int(n["value"])
    if t == "float":
        return float(n["value"])
    if t == "markup":
        return markupsafe.Markup(n["value"])
    if t == "bytes":
        return base64.b64decode(n["base64"])
    if t == "tuple":
        return tuple(from_nv(x) for x in n["items"])
    if t == "dict":
        return {from_nv(k): from_nv(x) for k, x in n["entries"]}
    if t == "uuid":
        return uuid.UUID(n["value"])
    if t == "datetime":
        return _dt.datetime.fromisoformat(n["value"])
    if t == "date":
        return _dt.date.fromisoformat(n["value"])
    if t == "decimal":
        return decimal.Decimal(n["value"])
    raise ValueError(f"unknown NV type {t!r}")
