"""Real Flask-Session 0.8 on Redis, serving the spec's route catalog, for the live tests beside Flagon.

    python flask_session_app.py --port PORT --config FILE [--redis URL] [--test-clock]

FILE: {"config": {...}} as for scripts/conformance-server: Flask's and Flask-Session's settings (SECRET_KEY as
NV text or bytes). SESSION_TYPE defaults to "redis"; SESSION_REDIS is a URL (--redis overrides it). Listens
on 127.0.0.1 and prints "listening on http://127.0.0.1:PORT" when ready. With --test-clock, the request
header "X-Test-Now: <epoch seconds>" sets the time Flask computes Expires from.

Routes: the catalog of shared/spec/flask-session-format.md section 1.6, plus
  /dump          the whole session in the spec's neutral value encoding (section 1.3), a {"type": "dict"} object
  /put-nv        ?key=K&value=V: session[K] = the NV value V (JSON text); body "ok"
  /regenerate    app.session_interface.regenerate(session); body "ok"
"""
import argparse
import datetime as _dt
import json
import threading
import warnings

import flask.sessions
import redis
from flask import Flask, flash, get_flashed_messages, redirect, request, session, url_for
from flask_session import Session
from werkzeug.serving import make_server

from nv import from_nv, to_nv

_now = threading.local()


class _TestClock(_dt.datetime):
    """flask.sessions' datetime, reading the request's X-Test-Now when one was sent."""

    @classmethod
    def now(cls, tz=None):
        frozen = getattr(_now, "value", None)
        if frozen is None:
            return _dt.datetime.now(tz)
        return _dt.datetime.fromtimestamp(frozen, tz)


def build_app(config, redis_url, test_clock):
    app = Flask("flask_session_app")
    settings = dict(config)
    for key in ("SECRET_KEY",):
        if isinstance(settings.get(key), dict):
            settings[key] = from_nv(settings[key])
    settings.setdefault("SESSION_TYPE", "redis")
    url = redis_url or settings.get("SESSION_REDIS")
    settings["SESSION_REDIS"] = redis.Redis.from_url(url) if isinstance(url, str) else url
    app.config.update(settings)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SESSION_USE_SIGNER is deprecated in 0.8
        Session(app)
    app.logger.disabled = True

    if test_clock:
        flask.sessions.datetime = _TestClock

        @app.before_request
        def freeze():
            header = request.headers.get("X-Test-Now")
            _now.value = int(header) if header else None

    @app.route("/")
    def index():
        if "user_id" in session:
            return f"Logged in as user {session['user_id']}"
        return "Not logged in"

    @app.route("/login")
    def login():
        session["user_id"] = 12345
        return redirect(url_for("index"))

    @app.route("/login-permanent")
    def login_permanent():
        session.permanent = True
        session["user_id"] = 12345
        return redirect(url_for("index"))

    @app.route("/logout")
    def logout():
        session.pop("user_id", None)
        return redirect(url_for("index"))

    @app.route("/flash")
    def do_flash():
        flash(request.args.get("m", "Hello"), request.args.get("c", "message"))
        return redirect(url_for("index"))

    @app.route("/messages")
    def messages():
        return "\n".join(f"{c}:{m}" for c, m in get_flashed_messages(with_categories=True))

    @app.route("/put")
    def put():
        session[request.args["key"]] = request.args["value"]
        return "ok"

    @app.route("/clear")
    def clear():
        session.clear()
        return "cleared"

    @app.route("/peek")
    def peek():
        return str(len(session))

    @app.route("/static-page")
    def static_page():
        return "static"

    @app.route("/permanent-off")
    def permanent_off():
        session.permanent = False
        return "ok"

    @app.route("/dump")
    def dump():
        return app.response_class(json.dumps(to_nv(dict(session))), mimetype="application/json")

    @app.route("/put-nv")
    def put_nv():
        session[request.args["key"]] = from_nv(json.loads(request.args["value"]))
        return "ok"

    @app.route("/regenerate")
    def regenerate():
        app.session_interface.regenerate(session)
        return "ok"

    return app


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--config", required=True)
    parser.add_argument("--redis")
    parser.add_argument("--test-clock", action="store_true")
    args = parser.parse_args()
    with open(args.config, encoding="utf-8") as f:
        config = json.load(f).get("config", {})
    app = build_app(config, args.redis, args.test_clock)
    server = make_server("127.0.0.1", args.port, app, threaded=True)
    print(f"listening on http://127.0.0.1:{server.server_port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
