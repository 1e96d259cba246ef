"""Runs Debian's gunicorn (packaged for /usr/bin/python3) under this python3, which has Flask 3.1.

Debian's site-packages is appended, not prepended, to sys.path, so this interpreter's own Flask, Werkzeug
and blinker win over Debian's older copies and only gunicorn (pure Python, no Flask dependency) comes from
there. Usage: python3 gunicorn_main.py [gunicorn args...]
"""
import sys

sys.path.append("/usr/lib/python3/dist-packages")

from gunicorn.app.wsgiapp import run  # noqa: E402

if __name__ == "__main__":
    sys.argv[0] = "gunicorn"
    sys.exit(run())
