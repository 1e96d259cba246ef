"""HTTP load run: Flagon's filter vs Jetty's in-memory HttpSession vs no session vs Flask + gunicorn.

Every server runs at once on the loopback interface, pinned with taskset to one core (SERVER_CPU), while
wrk runs on the other (CLIENT_CPU); rounds alternate between servers so slow drift hits all of them alike.
Per round: requests/s and p50/p99 latency from wrk, and the server's CPU time per request from
/proc/<pid>/stat (utime + stime of the server process and its children, before and after the round).

Routes (the same on every server): GET / logged in (read path: verify + decode, nothing written) and
GET /write (write path: the session changes, so it is encoded, signed and sent back on every request).
wrk sends the same request every time, so the write path always writes the same one-key change.

Usage: python3 http_load.py CLASSPATH OUT.json [--duration S] [--rounds N] [--warmup S]
         [--servers none,flagon,...] [--routes read,write]   (a subset, for a targeted comparison)
Bounded: every wrk run is time-limited, every server is killed at the end (also on errors).
"""
import argparse
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SECRET_KEY = "flagon-bench-secret-key"
SERVER_CPU = "1"
CLIENT_CPU = "0"
JVM_FLAGS = ["-Xms512m", "-Xmx512m", "-XX:+UseSerialGC"]
CLK_TCK = os.sysconf("SC_CLK_TCK")

SERVERS = [  # (name, label, port)
    ("none", "Jetty 12, no session", 18181),
    ("httpsession", "Jetty 12 + in-memory HttpSession", 18182),
    ("flagon", "Jetty 12 + FlagonFilter", 18183),
    ("flagon-core", "Jetty 12 + Flagon.open/save (no filter)", 18184),
    ("flask", "Flask 3.1 + gunicorn (2 sync workers)", 18185),
]


def start(name, port, classpath):
    if name == "flask":
        cmd = ["taskset", "-c", SERVER_CPU, sys.executable, os.path.join(HERE, "gunicorn_main.py"),
               "--workers", "2", "--worker-class", "sync", "--bind", f"127.0.0.1:{port}",
               "--chdir", HERE, "--log-level", "warning", "flask_app:app"]
        env = dict(os.environ, FLAGON_BENCH_SECRET_KEY=SECRET_KEY)
    else:
        cmd = ["taskset", "-c", SERVER_CPU, "java", *JVM_FLAGS, "-cp", classpath,
               "dev.flagon.bench.http.BenchServer", name, str(port), SECRET_KEY]
        env = os.environ
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                            start_new_session=True)


def wait_ready(port, deadline_s=60):
    deadline = time.time() + deadline_s
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=1).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server on port {port} did not start")


def process_tree(pid):
    pids = [pid]
    for p in pids:  # grows while iterating: breadth-first over children
        try:
            with open(f"/proc/{p}/task/{p}/children") as f:
                pids.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return pids


def cpu_seconds(pid):
    total = 0
    for p in process_tree(pid):
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
        except OSError:
            pass
    return total / CLK_TCK


def session_cookie():
    """A fresh {"user_id": 12345} cookie from Flask's own serializer; the Java servers accept it too."""
    from flask import Flask
    from flask.sessions import SecureCookieSessionInterface
    app = Flask("mint")
    app.secret_key = SECRET_KEY
    with app.app_context():
        return "session=" + SecureCookieSessionInterface().get_signing_serializer(app).dumps({"user_id": 12345})


def jsessionid(port):
    """Logs in on the HttpSession server: its cookie names an in-memory session holding user_id."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=5) as r:
        cookie = r.headers["Set-Cookie"].split(";")[0]
    req = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Cookie": cookie})
    body = urllib.request.urlopen(req, timeout=5).read().decode()
    assert body == "Logged in as user 12345", body
    return cookie


UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0}


def parse_wrk(text):
    def latency(pct):
        m = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        return float(m.group(1)) * UNITS[m.group(2)] * 1e6 if m else None
    m = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)", text)
    if not m:
        raise SystemExit("could not read wrk's output:\n" + text)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    return {
        "requests": int(m.group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
        "p50_us": latency(50), "p99_us": latency(99),
        "non2xx": int(bad.group(1)) if bad else 0,
        "socket_errors": sum(int(g) for g in errors.groups()) if errors else 0,
    }


def wrk(port, path, cookie, duration, connections):
    cmd = ["taskset", "-c", CLIENT_CPU, "wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency",
           "--timeout", "5s", "-H", f"Cookie: {cookie}", f"http://127.0.0.1:{port}{path}"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 30, check=True).stdout
    return parse_wrk(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("classpath")
    ap.add_argument("out")
    ap.add_argument("--duration", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--warmup", type=int, default=8)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--servers", default=",".join(name for name, _, _ in SERVERS),
                    help="comma-separated subset of the servers, for a targeted comparison")
    ap.add_argument("--routes", default="read,write", help="comma-separated subset of read, write")
    args = ap.parse_args()
    chosen = args.servers.split(",")
    unknown = set(chosen) - {name for name, _, _ in SERVERS}
    if unknown:
        raise SystemExit(f"unknown servers {sorted(unknown)}")
    servers = [s for s in SERVERS if s[0] in chosen]

    procs = {}
    try:
        for name, _, port in servers:
            procs[name] = start(name, port, args.classpath)
        for name, _, port in servers:
            wait_ready(port)
        flagon_cookie = session_cookie()
        cookies = {name: jsessionid(port) if name == "httpsession" else flagon_cookie
                   for name, _, port in servers}
        for name, _, port in servers:  # every server must see the logged-in user before it is timed
            req = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Cookie": cookies[name]})
            body = urllib.request.urlopen(req, timeout=5).read().decode()
            if body != "Logged in as user 12345":
                raise SystemExit(f"{name} answered {body!r} to the logged-in request")
        routes = [r for r in [("read", "/"), ("write", "/write")] if r[0] in args.routes.split(",")]
        for name, _, port in servers:  # JIT warm-up (the JIT shares the server's one core), not recorded
            for _, path in routes:  # CPython has no JIT: a short run checks the route and fills caches
                wrk(port, path, cookies[name], min(args.warmup, 3) if name == "flask" else args.warmup,
                    args.connections)
        runs = {name: {route: [] for route, _ in routes} for name, _, _ in servers}
        for rnd in range(args.rounds):
            order = servers if rnd % 2 == 0 else servers[::-1]
            for name, _, port in order:
                for route, path in routes:
                    before = cpu_seconds(procs[name].pid)
                    result = wrk(port, path, cookies[name], args.duration, args.connections)
                    used = cpu_seconds(procs[name].pid) - before
                    result["cpu_us_per_req"] = used / result["requests"] * 1e6
                    runs[name][route].append(result)
                    print(f"round {rnd + 1} {name:12} {route:5} {result['rps']:9.0f} req/s "
                          f"p50 {result['p50_us']:8.0f} us p99 {result['p99_us']:8.0f} us "
                          f"cpu {result['cpu_us_per_req']:7.1f} us/req", file=sys.stderr)
        json.dump({"servers": [{"name": n, "label": l} for n, l, _ in servers],
                   "server_cpu": SERVER_CPU, "client_cpu": CLIENT_CPU, "jvm_flags": JVM_FLAGS,
                   "duration_s": args.duration, "rounds": args.rounds, "connections": args.connections,
                   "runs": runs}, open(args.out, "w"), indent=1)
    finally:
        for p in procs.values():
            try:
                os.killpg(p.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for p in procs.values():
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)


if __name__ == "__main__":
    main()
