"""The HTTP load runs' routes in Flask, for gunicorn: same paths and bodies as BenchServer.

GET /       read path: "Logged in as user <user_id>" or "Not logged in"
GET /write  write path: session["counter"] = counter + 1 (saved on every request)
GET /login  session["user_id"] = 12345

SECRET_KEY comes from FLAGON_BENCH_SECRET_KEY (default: the bench key), so Flask accepts the same cookies
as the Java servers.

With FLAGON_BENCH_SESSION_REDIS=redis://... the session lives on that Redis through Flask-Session 0.8 with
its defaults (SESSION_TYPE "redis", msgpack by msgspec, permanent sessions refreshed on every request, the
bare session id in the "session" cookie): the "Sessions on Redis" run. That needs the project's .venv.
"""
import os

from flask import Flask, session

app = Flask("flagon-bench")
app.secret_key = os.environ.get("FLAGON_BENCH_SECRET_KEY", "flagon-bench-secret-key")
if os.environ.get("FLAGON_BENCH_SESSION_REDIS"):
    import redis
    from flask_session import Session

    app.config.update(SESSION_TYPE="redis",
                      SESSION_REDIS=redis.Redis.from_url(os.environ["FLAGON_BENCH_SESSION_REDIS"]))
    Session(app)


@app.get("/")
def index():
    user_id = session.get("user_id")
    return "Not logged in" if user_id is None else f"Logged in as user {user_id}"


@app.get("/write")
def write():
    session["counter"] = session.get("counter", 0) + 1
    return "ok"


@app.get("/login")
def login():
    session["user_id"] = 12345
    return "ok"
