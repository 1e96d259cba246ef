"""The Flagon demo's routes and messages in Flask 3.1, for CrossFrameworkIT.

Same secret key (FLAGON_SECRET_KEY), same PERMANENT_SESSION_LIFETIME (60 minutes) and the same
recommended cookie flags as the demo, so that a session cookie from either server works on the other.

    FLAGON_SECRET_KEY=... python3 flask_app.py --port 0

Prints "listening on http://127.0.0.1:PORT" once it accepts connections.
"""

import argparse
import os
import sys
from datetime import timedelta

from flask import Flask, flash, get_flashed_messages, redirect, request, session, url_for
from markupsafe import escape
from werkzeug.serving import make_server

app = Flask(__name__)
app.config.update(
    SECRET_KEY=os.environ["FLAGON_SECRET_KEY"],
    PERMANENT_SESSION_LIFETIME=timedelta(minutes=60),
    SESSION_COOKIE_SECURE=True,
    SESSION_COOKIE_HTTPONLY=True,
    SESSION_COOKIE_SAMESITE="Lax",
)


@app.get("/")
def index():
    flashes = "".join(f"<li>{escape(m)}</li>" for m in get_flashed_messages())
    if "user_id" in session:
        status = f"Logged in as user {escape(session['user_id'])}"
    else:
        status = "Not logged in"
    return f"<ul class=flashes>{flashes}</ul>\n<p>{status}</p>\n"


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        session.permanent = request.form.get("remember") == "on"
    session["user_id"] = 12345
    flash("You are logged in")
    return redirect(url_for("index"))


@app.get("/logout")
def logout():
    session.pop("user_id", None)
    flash("You are logged out")
    return redirect(url_for("index"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    server = make_server("127.0.0.1", args.port, app)
    print(f"listening on http://127.0.0.1:{server.port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
