"""The HTTP load runs' routes in Flask, for gunicorn: same paths and bodies as BenchServer.

GET /       read path: "Logged in as user <user_id>" or "Not logged in"
GET /write  write path: session["counter"] = counter + 1 (saved on every request)
GET /login  session["user_id"] = 12345

SECRET_KEY comes from FLAGON_BENCH_SECRET_KEY (default: the bench key), so Flask accepts the same cookies
as the Java servers.
"""
import os

from flask import Flask, session

app = Flask("flagon-bench")
app.secret_key = os.environ.get("FLAGON_BENCH_SECRET_KEY", "flagon-bench-secret-key")


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
