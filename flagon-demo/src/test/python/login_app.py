"""Real Flask-Login 0.6.3 and Flask-WTF 1.3.0 on Flask 3.1.3, the twin of the conformance server's routes.

    python login_app.py --port PORT --config FILE [--test-clock]

FILE: {"config": {...}} as for scripts/conformance-server (SECRET_KEY as text or {"type": "bytes", "base64"});
with "SESSION_TYPE": "redis" and "SESSION_REDIS": URL, sessions live in Redis through Flask-Session 0.8.
Listens on 127.0.0.1 and prints "listening on http://127.0.0.1:PORT" when ready. With --test-clock, the
request header "X-Test-Now: <epoch seconds>" sets the time itsdangerous signs and ages CSRF tokens by.

Routes (a user loader that accepts any id):
  /auth/login?id=ID&remember=0|1&fresh=0|1   login_user; body "ok"
  /auth/whoami     "user ID fresh=true|false" or "anonymous"
  /auth/logout     logout_user; body "ok"
  /auth/fresh      @fresh_login_required; body "ok" (401 otherwise)
  /csrf/token      generate_csrf()
  /csrf/check      ?token=T: validate_csrf(T): "ok", or 400 with Flask-WTF's message as the body
"""
import argparse
import base64
import json
import threading

import itsdangerous.timed
from flask import Flask, request
from flask_login import LoginManager, UserMixin, current_user, fresh_login_required, login_fresh, login_user, \
    logout_user
from flask_wtf.csrf import ValidationError, generate_csrf, validate_csrf
from werkzeug.serving import make_server

_now = threading.local()


class User(UserMixin):
    def __init__(self, user_id):
        self.id = user_id


def build_app(config, test_clock):
    app = Flask("login_app")
    settings = dict(config)
    for key in ("SECRET_KEY", "WTF_CSRF_SECRET_KEY"):
        if isinstance(settings.get(key), dict):
            settings[key] = base64.b64decode(settings[key]["base64"])
    if settings.get("SESSION_TYPE") == "redis":  # Flask-Session 0.8, as the conformance server's Redis mode
        import redis
        from flask_session import Session
        settings["SESSION_REDIS"] = redis.Redis.from_url(settings["SESSION_REDIS"])
        app.config.update(settings)
        Session(app)
    app.config.update(settings)
    app.logger.disabled = True
    logins = LoginManager(app)
    logins.user_loader(User)

    if test_clock:
        real = itsdangerous.timed.TimestampSigner.get_timestamp
        itsdangerous.timed.TimestampSigner.get_timestamp = \
            lambda self: _now.value if getattr(_now, "value", None) is not None else real(self)

        wsgi_app = app.wsgi_app

        def frozen(environ, start_response):  # before the session is opened, which checks its timestamp too
            header = environ.get("HTTP_X_TEST_NOW")
            _now.value = int(header) if header else None
            return wsgi_app(environ, start_response)

        app.wsgi_app = frozen

    @app.route("/auth/login")
    def login():
        login_user(User(request.args["id"]), remember=request.args.get("remember", "0") == "1",
                   fresh=request.args.get("fresh", "1") != "0")
        return "ok"

    @app.route("/auth/whoami")
    def whoami():
        if current_user.is_authenticated:
            return f"user {current_user.id} fresh={'true' if login_fresh() else 'false'}"
        return "anonymous"

    @app.route("/auth/logout")
    def logout():
        logout_user()
        return "ok"

    @app.route("/auth/fresh")
    @fresh_login_required
    def fresh():
        return "ok"

    @app.route("/csrf/token")
    def token():
        return generate_csrf()

    @app.route("/csrf/check")
    def check():
        try:
            validate_csrf(request.args.get("token"))
        except ValidationError as e:
            return e.args[0], 400
        return "ok"

    return app


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--config", required=True)
    parser.add_argument("--test-clock", action="store_true")
    args = parser.parse_args()
    with open(args.config, encoding="utf-8") as f:
        config = json.load(f).get("config", {})
    server = make_server("127.0.0.1", args.port, build_app(config, args.test_clock), threaded=True)
    print(f"listening on http://127.0.0.1:{server.server_port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
