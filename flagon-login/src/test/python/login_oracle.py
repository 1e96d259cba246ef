"""Real Flask-Login 0.6.3 and Flask-WTF 1.3.0 (on Flask 3.1) on the other side of flagon-login's live tests.

Reads one JSON request per line on stdin and answers one JSON line each. Every request runs in a fresh
app, inside app.test_request_context(...), with the clocks frozen: datetime.utcnow() for Flask-Login's
remember cookie, itsdangerous' timestamp for Flask-WTF's tokens.

  {"kind": "login", "secret": "text", "config": {...}, "now_us": epoch microseconds,
   "session": "<Flask tagged JSON>", "headers": [[name, value], ...], "remote_addr": "..." | null,
   "cookies": [[name, value], ...], "inactive": [ids], "unknown": [ids], "ops": [op, ...]}
     ops: ["user"] -> id | null          ["login", id, {"remember", "duration_us", "force", "fresh"}] -> bool
          ["logout"] -> null             ["fresh"] -> bool          ["remembered"] -> bool
          ["confirm"] -> null            ["finish"] -> [cookie, ...] (the set_cookie calls it made)
          ["identifier"] -> _id          ["encode", id] -> cookie   ["decode", cookie] -> id | null
  {"kind": "csrf", "secret": "text", "config": {...}, "now": epoch seconds, "session": "...", "ops": [...]}
     ops: ["generate"] -> token          ["validate", token] -> "ok" | message
          ["protect", {"method", "form": [[k, v]], "headers": [[k, v]], "secure": bool, "host": str}]
              -> "ok" | message (each protect runs in its own request, on the same session)
          ["same_origin", a, b] -> bool
An op that raises answers {"error": "<exception class>"}. The answer: {"ok": true, "results": [...],
"session": "<tagged JSON after the ops>", "modified": bool}, or {"ok": false, "error", "message"}.
"""
import json
import sys
from datetime import datetime, timedelta

import flask_login.login_manager
from flask import Flask, Response, session
from flask.sessions import SecureCookieSession
from flask_login import LoginManager, UserMixin, confirm_login, login_fresh, login_remembered, \
    login_user, logout_user, current_user
from flask_login.utils import _create_identifier, decode_cookie, encode_cookie
from flask_wtf.csrf import CSRFError, CSRFProtect, generate_csrf, same_origin, validate_csrf
from itsdangerous import TimestampSigner
from werkzeug.datastructures import ImmutableMultiDict
from wtforms import ValidationError

CLOCK = {"now_us": 0, "now": 0}
EPOCH = datetime(1970, 1, 1)


class FrozenDatetime(datetime):
    @classmethod
    def utcnow(cls):
        return EPOCH + timedelta(microseconds=CLOCK["now_us"])


flask_login.login_manager.datetime = FrozenDatetime
TimestampSigner.get_timestamp = lambda self: CLOCK["now"]


class User(UserMixin):
    def __init__(self, user_id, active):
        self.id = user_id
        self.active = active

    @property
    def is_active(self):
        return self.active


class Recording(Response):
    """Records what Flask-Login asks of set_cookie (delete_cookie calls it too)."""

    calls = []

    def set_cookie(self, key, value="", max_age=None, expires=None, path="/", domain=None, secure=False,
                   httponly=False, samesite=None, partitioned=False):
        if isinstance(expires, datetime):
            expires_us = (expires - EPOCH) // timedelta(microseconds=1)
        else:
            expires_us = None if expires is None else int(expires) * 1_000_000
        super().set_cookie(key, value, max_age, expires, path, domain, secure, httponly, samesite, partitioned)
        Recording.calls.append({"key": key, "value": value, "max_age": max_age, "expires_us": expires_us,
                                "path": path, "domain": domain, "secure": bool(secure),
                                "httponly": bool(httponly),
                                # as dump_cookie writes it
                                "samesite": samesite.title() if samesite else None,
                                "header": self.headers.getlist("Set-Cookie")[-1]})


def new_app(request):
    app = Flask("flagon-login-oracle")
    app.config["SECRET_KEY"] = request["secret"]
    app.config.update(request.get("config", {}))
    return app


def run(op, fn):
    try:
        return fn()
    except Exception as e:  # the Java side compares what Flask would do: an error is an HTTP 500
        return {"error": type(e).__name__}


def context(app, sess, request, **kwargs):
    ctx = app.test_request_context("/", **kwargs)
    ctx._session = sess  # pushed as is: push() opens a session only when none is set
    if "cookies" in request:
        ctx.request.cookies = ImmutableMultiDict(request["cookies"])
    return ctx


def login(request):
    app = new_app(request)
    manager = LoginManager(app)
    inactive, unknown = set(request.get("inactive", [])), set(request.get("unknown", []))
    # Flagon's loader takes text: an integer _user_id (which Flask-Login never writes) arrives as its str().
    manager.user_loader(lambda uid: None if str(uid) in unknown else User(str(uid), str(uid) not in inactive))
    CLOCK["now_us"] = request["now_us"]
    sess = SecureCookieSession(app.session_interface.serializer.loads(request["session"]))
    overrides = {} if request.get("remote_addr") is None else {"REMOTE_ADDR": request["remote_addr"]}
    results = []
    with context(app, sess, request, headers=request.get("headers", []), environ_overrides=overrides):
        for op in request["ops"]:
            name = op[0]
            if name == "user":
                results.append(run(op, lambda: current_user.get_id()))
            elif name == "login":
                o = op[2]
                duration = None if o.get("duration_us") is None else timedelta(microseconds=o["duration_us"])
                user = User(op[1], op[1] not in inactive)
                results.append(run(op, lambda: login_user(user, remember=o.get("remember", False),
                                                          duration=duration, force=o.get("force", False),
                                                          fresh=o.get("fresh", True))))
            elif name == "logout":
                results.append(run(op, lambda: logout_user() and None))
            elif name == "fresh":
                results.append(run(op, lambda: bool(login_fresh())))
            elif name == "remembered":
                results.append(run(op, login_remembered))
            elif name == "confirm":
                results.append(run(op, confirm_login))
            elif name == "finish":
                Recording.calls = []
                results.append(run(op, lambda: [manager._update_remember_cookie(Recording())] and Recording.calls))
            elif name == "identifier":
                results.append(run(op, _create_identifier))
            elif name == "encode":
                results.append(run(op, lambda: encode_cookie(op[1])))
            elif name == "decode":
                results.append(run(op, lambda: decode_cookie(op[1])))
            else:
                raise ValueError(f"unknown op {name}")
    return results, app, sess


def csrf_message(fn):
    try:
        fn()
        return "ok"
    except ValidationError as e:
        return e.args[0]
    except CSRFError as e:
        return e.description


def csrf(request):
    app = new_app(request)
    protect = CSRFProtect(app)
    CLOCK["now"] = request["now"]
    sess = SecureCookieSession(app.session_interface.serializer.loads(request["session"]))
    results = []
    for op in request["ops"]:
        name = op[0]
        if name == "protect":
            p = op[1]
            kwargs = {"method": p["method"], "headers": p.get("headers", []),
                      "base_url": ("https://" if p.get("secure") else "http://") + p.get("host", "localhost")}
            if p.get("form"):
                kwargs["data"] = ImmutableMultiDict(p["form"])
            with context(app, sess, {}, **kwargs):
                results.append(run(op, lambda: csrf_message(protect.protect)))
            continue
        with context(app, sess, {}):
            if name == "generate":
                results.append(run(op, generate_csrf))
            elif name == "validate":
                results.append(run(op, lambda: csrf_message(lambda: validate_csrf(op[1]))))
            elif name == "same_origin":
                results.append(run(op, lambda: same_origin(op[1], op[2])))
            else:
                raise ValueError(f"unknown op {name}")
    return results, app, sess


def answer(request):
    results, app, sess = login(request) if request["kind"] == "login" else csrf(request)
    with app.app_context():
        tagged = app.session_interface.serializer.dumps(dict(sess))
    return {"ok": True, "results": results, "session": tagged, "modified": sess.modified}


for line in sys.stdin:
    try:
        out = answer(json.loads(line))
    except Exception as e:  # reported to the Java side, which fails the test with it
        out = {"ok": False, "error": type(e).__name__, "message": str(e)[:300]}
    sys.stdout.write(json.dumps(out) + "\n")
    sys.stdout.flush()
