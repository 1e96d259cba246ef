"""Times Flask's own session serializer (itsdangerous, as Flask configures it) on the benchmark sessions.

Same sessions and key as the JMH run (sessions.json), same machine, run by scripts/bench right after JMH so
the ratios are side by side. The serializer is built once, as Flask's get_signing_serializer(app) builds
it (Flask itself rebuilds it on every request, which only adds to Python's time). Dumps run inside an app
context, where Flask's JSON provider sorts keys, exactly as when Flask saves a session.

Usage: python3 bench_itsdangerous.py sessions.json [seconds_per_repeat] [repeats]  -> JSON on stdout
"""
import json
import platform
import statistics
import sys
import timeit
from importlib.metadata import version

import itsdangerous.timed
from flask import Flask
from flask.sessions import SecureCookieSessionInterface

MAX_AGE = 31 * 24 * 3600


def measure(fn, seconds, repeats):
    """Median ops/s over `repeats` runs of about `seconds` each."""
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()  # at least 0.2 s
    number = max(1, int(number * seconds / 0.2))
    rates = [number / t for t in timer.repeat(repeat=repeats, number=number)]
    return {"ops_per_s": statistics.median(rates), "min": min(rates), "max": max(rates)}


def main(path, seconds=0.5, repeats=5):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    app = Flask("flagon-bench")
    app.secret_key = data["secret_key"]
    # One frozen clock for signing and for the age check, so the stored cookies verify and reproduce.
    itsdangerous.timed.TimestampSigner.get_timestamp = lambda self: data["timestamp"]
    serializer = SecureCookieSessionInterface().get_signing_serializer(app)
    results = {}
    with app.app_context():
        for size, case in data["sessions"].items():
            value = serializer.serializer.loads(case["tagged_json"])
            cookie = case["cookie"]
            if serializer.dumps(value) != cookie:
                raise SystemExit(f"Flask's {size} cookie differs from sessions.json: regenerate it")
            if serializer.loads(cookie, max_age=MAX_AGE) != value:
                raise SystemExit(f"Flask does not load back the {size} session")
            results[size] = {
                "dumps": measure(lambda: serializer.dumps(value), seconds, repeats),
                "loads": measure(lambda: serializer.loads(cookie, max_age=MAX_AGE), seconds, repeats),
            }
    results["versions"] = {"python": platform.python_version(), "flask": version("flask"),
                           "itsdangerous": version("itsdangerous")}
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1], *(float(a) if i == 0 else int(a) for i, a in enumerate(sys.argv[2:])))
