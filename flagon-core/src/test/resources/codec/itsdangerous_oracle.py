"""Differential oracle for ItsdangerousInteropTest: real itsdangerous signs and verifies.

Reads {"cases": [...]} as UTF-8 JSON on stdin, writes {"results": [...]} on stdout (ASCII JSON).
Keys are hex; salts and values are text (itsdangerous encodes them as UTF-8).
"""
import hashlib
import json
import sys

from itsdangerous import BadData, Signer, TimestampSigner


class FixedClockTimestampSigner(TimestampSigner):
    def __init__(self, *args, now, **kwargs):
        super().__init__(*args, **kwargs)
        self._now = now

    def get_timestamp(self):
        return self._now


def attempt(fn):
    try:
        return fn(), None
    except BadData as e:
        return None, type(e).__name__


def run(c):
    key = bytes.fromhex(c["key"])
    fallbacks = [bytes.fromhex(f) for f in c["fallbacks"]]
    opts = dict(salt=c["salt"], key_derivation=c["kd"], digest_method=getattr(hashlib, c["digest"]))
    keys = fallbacks + [key]  # itsdangerous: oldest first, signs with the last
    ts = c["timestamp"]
    signer = Signer(keys, **opts)
    timed = FixedClockTimestampSigner(keys, now=ts, **opts)
    r = {
        "derived": signer.derive_key(key).hex(),
        "signed": signer.sign(c["value"]).decode("utf-8"),
        "timed": timed.sign(c["value"]).decode("utf-8"),
    }
    i = c["fallback_index"]
    if i is not None:
        old = [fallbacks[i]]
        r["fallback_signed"] = Signer(old, **opts).sign(c["value"]).decode("utf-8")
        r["fallback_timed"] = FixedClockTimestampSigner(old, now=ts, **opts).sign(c["value"]).decode("utf-8")
    value, r["java_signed_error"] = attempt(lambda: signer.unsign(c["java_signed"]).decode("utf-8"))
    r["java_signed_value"] = value
    result, r["java_timed_error"] = attempt(
        lambda: timed.unsign(c["java_timed"], max_age=0, return_timestamp=True))
    r["java_timed_value"] = None if result is None else result[0].decode("utf-8")
    r["java_timed_timestamp"] = None if result is None else int(result[1].timestamp())
    return r


def main():
    cases = json.loads(sys.stdin.buffer.read().decode("utf-8"))["cases"]
    sys.stdout.write(json.dumps({"results": [run(c) for c in cases]}))


main()
