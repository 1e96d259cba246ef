"""The Flask side of the example: Flask-Login 0.6.3 and Flask-WTF 1.3.0 with the Spring app's SECRET_KEY.

python flask_app.py --port 5000 --spring http://127.0.0.1:8080   (SECRET_KEY from the environment)
Prints "listening on http://127.0.0.1:PORT" once it serves.
"""
import argparse
import os

from flask import Flask, request
from flask_login import LoginManager, UserMixin, current_user, login_fresh, login_user, logout_user
from flask_wtf.csrf import CSRFProtect, generate_csrf
from markupsafe import escape
from werkzeug.serving import make_server

ROLES = {"alice": "ADMIN", "bob": "USER"}


class User(UserMixin):
    def __init__(self, user_id):
        self.id = user_id


def create_app(spring_url):
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    logins = LoginManager(app)
    CSRFProtect(app)

    @logins.user_loader
    def load_user(user_id):
        return User(user_id) if user_id in ROLES else None

    @app.get("/login")
    def login():
        login_user(User(request.args["id"]), remember=request.args.get("remember") == "1")
        return "ok"

    @app.get("/whoami")
    def whoami():
        if not current_user.is_authenticated:
            return "anonymous"
        return f"user {current_user.id} fresh={str(login_fresh()).lower()}"

    @app.get("/logout")
    def logout():
        logout_user()
        return "ok"

    @app.get("/form")
    def form():
        # A Flask-rendered form that posts to the Spring app, with Flask-WTF's token.
        return (f'<form method="post" action="{escape(spring_url)}/notes">'
                f'<input type="hidden" name="csrf_token" value="{generate_csrf()}">'
                '<input name="text"><button>Save on Spring</button></form>')

    @app.post("/notes")
    def notes():
        return f"saved on Flask: {escape(request.form.get('text', ''))}"

    return app


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=5000)
    parser.add_argument("--spring", default="http://127.0.0.1:8080")
    args = parser.parse_args()
    server = make_server("127.0.0.1", args.port, create_app(args.spring), threaded=True)
    print(f"listening on http://127.0.0.1:{server.server_port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
