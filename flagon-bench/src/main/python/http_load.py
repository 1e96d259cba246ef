"""HTTP load run: Flagon's filter vs Jetty's in-memory HttpSession vs no session vs Flask + gunicorn; with
--redis, sessions on Redis: Flagon vs Spring Session Data Redis (both on Spring Boot 4) vs Flask-Session.

Every server runs at once on the loopback interface, pinned with taskset to one core (SERVER_CPU), while
wrk runs on the other (CLIENT_CPU); rounds alternate between servers so slow drift hits all of them alike.
Per round: requests/s and p50/p99 latency from wrk, and the server's CPU time per request from
/proc/<pid>/stat (utime + stime of the server process and its children, before and after the round).

Routes (the same on every server): GET / logged in (read path: verify + decode, nothing written) and
GET /write (write path: the session changes, so it is encoded, signed and sent back on every request).
wrk sends the same request every time, so the write path always writes the same one-key change.

With --redis the servers are the ones that keep sessions on Redis: this script starts its own redis-server
(redis_server.py) pinned to the server core too, logs one user in on each server through its own /login,
checks that the session is in Redis under the key its cookie names, and also counts redis-server's CPU time
per request. Spring Boot runs from --spring-classpath (flagon-bench-spring), Flask-Session under the
gunicorn of --python (the project's .venv: Flask-Session 0.8.0, msgspec, redis, gunicorn).

Usage: python3 http_load.py CLASSPATH OUT.json [--duration S] [--rounds N] [--warmup S]
         [--servers none,flagon,...] [--routes read,write]   (a subset, for a targeted comparison)
         [--redis --spring-classpath CP --python VENV_PYTHON]
Bounded: every wrk run is time-limited, every server is killed at the end (also on errors), and so is Redis.
Each server's output goes to OUT-logs/NAME.log; a server that does not start has its log's end shown.
"""
import argparse
import base64
import contextlib
import json
import os
import re
import resource
import signal
import subprocess
import sys
import time
import urllib.request

from redis_server import RedisServer

HERE = os.path.dirname(os.path.abspath(__file__))
SECRET_KEY = "flagon-bench-secret-key"
SERVER_CPU = "1"
CLIENT_CPU = "0"
JVM_FLAGS = ["-Xms512m", "-Xmx512m", "-XX:+UseSerialGC"]
CLK_TCK = os.sysconf("SC_CLK_TCK")

SERVERS = [  # (name, label, port, keeps its sessions on Redis)
    ("none", "Jetty 12, no session", 18181, False),
    ("httpsession", "Jetty 12 + in-memory HttpSession", 18182, False),
    ("flagon", "Jetty 12 + FlagonFilter", 18183, False),
    ("flagon-core", "Jetty 12 + Flagon.open/save (no filter)", 18184, False),
    ("flask", "Flask 3.1 + gunicorn (2 sync workers)", 18185, False),
    ("flagon-redis", "Spring Boot 4 + Flagon on Redis", 18191, True),
    ("spring-session", "Spring Boot 4 + Spring Session Data Redis", 18192, True),
    ("flask-session", "Flask-Session 0.8 + gunicorn (2 sync workers)", 18193, True),
]
PYTHON = {"flask", "flask-session"}  # CPython has no JIT to warm up
LOGIN_COOKIE = {"httpsession": "JSESSIONID", "spring-session": "SESSION", "flask-session": "session",
                "flagon-redis": "session"}  # the others take a cookie minted by Flask's serializer


def redis_key(name, cookie_value):
    """Where the server keeps the session its cookie names (Spring Session's cookie is the base64 id)."""
    if name == "spring-session":
        return "spring:session:sessions:" + base64.b64decode(cookie_value).decode()
    return "session:" + cookie_value  # Flask-Session's SESSION_KEY_PREFIX and its unsigned id


def start(name, port, args, redis_url, log):
    gunicorn = ["--workers", "2", "--worker-class", "sync", "--bind", f"127.0.0.1:{port}", "--chdir", HERE,
                "--log-level", "warning", "flask_app:app"]
    env = dict(os.environ, FLAGON_BENCH_SECRET_KEY=SECRET_KEY)
    if name == "flask":
        cmd = [sys.executable, os.path.join(HERE, "gunicorn_main.py"), *gunicorn]
    elif name == "flask-session":  # flask_app.py on Flask-Session, under the virtual environment's gunicorn
        cmd = [args.python, "-m", "gunicorn", *gunicorn]
        env["FLAGON_BENCH_SESSION_REDIS"] = redis_url
    elif name in ("spring-session", "flagon-redis"):
        cmd = ["java", *JVM_FLAGS, "-cp", args.spring_classpath, "dev.flagon.bench.spring.BenchApplication",
               "flagon" if name == "flagon-redis" else name, str(port), redis_url]
    else:
        cmd = ["java", *JVM_FLAGS, "-cp", args.classpath, "dev.flagon.bench.http.BenchServer", name, str(port),
               SECRET_KEY]
    return subprocess.Popen(["taskset", "-c", SERVER_CPU, *cmd], stdout=log, stderr=subprocess.STDOUT,
                            env=env, start_new_session=True)


def wait_ready(name, port, proc, log_path, deadline_s=180):
    deadline = time.time() + deadline_s  # Spring Boot takes ~20 s to start on one shared core
    while time.time() < deadline and proc.poll() is None:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=1).read()
            return
        except OSError:
            time.sleep(0.2)
    with open(log_path, errors="replace") as f:
        tail = "".join(line for line in f.readlines() if not line.startswith("\tat "))[-2000:]
    raise SystemExit(f"{name} on port {port} did not start; the end of {log_path}:\n{tail}")


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


def machine_busy():
    """The whole machine's busy CPU seconds so far (user, nice, system, irq, softirq; not idle, iowait, steal)."""
    with open("/proc/stat") as f:
        ticks = [int(t) for t in f.readline().split()[1:]]
    return (ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6]) / CLK_TCK


def own_children_cpu():
    """CPU seconds of this script's finished children: every wrk run is waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def redis_cpu(redis):
    return cpu_seconds(redis.pid) if redis else 0.0


def session_cookie():
    """A fresh {"user_id": 12345} cookie from Flask's own serializer; the Java servers accept it too."""
    from flask import Flask
    from flask.sessions import SecureCookieSessionInterface
    app = Flask("mint")
    app.secret_key = SECRET_KEY
    with app.app_context():
        return "session=" + SecureCookieSessionInterface().get_signing_serializer(app).dumps({"user_id": 12345})


def login(port, cookie_name):
    """Logs in through the server's own /login: its cookie names a session (in memory or Redis) with user_id."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=5) as r:
        cookies = [c.split(";")[0] for c in r.headers.get_all("Set-Cookie") or []]
    cookie = next((c for c in cookies if c.startswith(cookie_name + "=")), None)
    if cookie is None:
        raise SystemExit(f"/login on port {port} set no {cookie_name} cookie (got {[c.split('=')[0] for c in cookies]})")
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
    ap.add_argument("--redis", action="store_true", help="the servers with sessions on Redis, on a redis-server of ours")
    ap.add_argument("--spring-classpath", help="flagon-bench-spring's class path (with --redis)")
    ap.add_argument("--python", help="the interpreter with Flask-Session and gunicorn (with --redis)")
    ap.add_argument("--servers", help="comma-separated subset of the servers, for a targeted comparison")
    ap.add_argument("--routes", default="read,write", help="comma-separated subset of read, write")
    args = ap.parse_args()
    # `timeout` and Ctrl-C end this script by a signal: unwind, so that every server and Redis are stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    group = [s for s in SERVERS if s[3] == args.redis]
    chosen = args.servers.split(",") if args.servers else [s[0] for s in group]
    unknown = set(chosen) - {s[0] for s in group}
    if unknown:
        raise SystemExit(f"unknown servers {sorted(unknown)}" + ("" if args.redis else " (Redis ones need --redis)"))
    if args.redis and not (args.spring_classpath and args.python):
        raise SystemExit("--redis needs --spring-classpath and --python")
    servers = [s for s in group if s[0] in chosen]
    logs = os.path.splitext(args.out)[0] + "-logs"
    os.makedirs(logs, exist_ok=True)

    procs = {}
    with contextlib.ExitStack() as stack:
        redis = stack.enter_context(RedisServer(SERVER_CPU)) if args.redis else None
        stack.callback(stop, procs)
        for name, _, port, _ in servers:
            log = stack.enter_context(open(os.path.join(logs, name + ".log"), "w"))
            procs[name] = start(name, port, args, redis.url if redis else None, log)
        for name, _, port, _ in servers:
            wait_ready(name, port, procs[name], os.path.join(logs, name + ".log"))
        flagon_cookie = session_cookie()
        cookies = {name: login(port, LOGIN_COOKIE[name]) if name in LOGIN_COOKIE else flagon_cookie
                   for name, _, port, _ in servers}
        for name, _, port, _ in servers:  # every server must see the logged-in user before it is timed
            req = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Cookie": cookies[name]})
            body = urllib.request.urlopen(req, timeout=5).read().decode()
            if body != "Logged in as user 12345":
                raise SystemExit(f"{name} answered {body!r} to the logged-in request")
            if redis and redis.cli("EXISTS", redis_key(name, cookies[name].split("=", 1)[1])) != "1":
                raise SystemExit(f"{name} keeps no session in Redis under the key its cookie names")
        routes = [r for r in [("read", "/"), ("write", "/write")] if r[0] in args.routes.split(",")]
        for name, _, port, _ in servers:  # JIT warm-up (the JIT shares the server's one core), not recorded
            for _, path in routes:  # CPython has no JIT: a short run checks the route and fills caches
                wrk(port, path, cookies[name], min(args.warmup, 3) if name in PYTHON else args.warmup,
                    args.connections)
        runs = {name: {route: [] for route, _ in routes} for name, _, _, _ in servers}
        load_before = os.getloadavg()[0]
        for rnd in range(args.rounds):
            order = servers if rnd % 2 == 0 else servers[::-1]
            for name, _, port, _ in order:
                for route, path in routes:
                    busy_before, wrk_before = machine_busy(), own_children_cpu()
                    server_before, redis_before = cpu_seconds(procs[name].pid), redis_cpu(redis)
                    started = time.monotonic()
                    result = wrk(port, path, cookies[name], args.duration, args.connections)
                    server_s = cpu_seconds(procs[name].pid) - server_before
                    redis_s = redis_cpu(redis) - redis_before
                    result["cpu_us_per_req"] = server_s / result["requests"] * 1e6
                    if redis:
                        result["redis_cpu_us_per_req"] = redis_s / result["requests"] * 1e6
                    # What other processes (other builds on a shared machine) took of both cores meanwhile.
                    ours = server_s + redis_s + own_children_cpu() - wrk_before
                    others = max(0.0, machine_busy() - busy_before - ours)
                    result["others_pct"] = 100 * others / ((time.monotonic() - started) * os.cpu_count())
                    result["load1"] = os.getloadavg()[0]  # the machine's load as the round ends
                    runs[name][route].append(result)
                    print(f"round {rnd + 1} {name:14} {route:5} {result['rps']:9.0f} req/s "
                          f"p50 {result['p50_us']:8.0f} us p99 {result['p99_us']:8.0f} us "
                          f"cpu {result['cpu_us_per_req']:7.1f} us/req"
                          + (f" redis {result['redis_cpu_us_per_req']:6.1f} us/req" if redis else "")
                          + f" others {result['others_pct']:4.0f} % load {result['load1']:.1f}"
                          + (f" ERRORS {result['non2xx']} non-2xx, {result['socket_errors']} socket"
                             if result["non2xx"] or result["socket_errors"] else ""), file=sys.stderr)
        json.dump({"servers": [{"name": n, "label": l} for n, l, _, _ in servers],
                   "server_cpu": SERVER_CPU, "client_cpu": CLIENT_CPU, "jvm_flags": JVM_FLAGS,
                   "duration_s": args.duration, "rounds": args.rounds, "connections": args.connections,
                   "load1_before": load_before, "load1_after": os.getloadavg()[0], "cores": os.cpu_count(),
                   **({"redis_version": redis.version()} if redis else {}),
                   "runs": runs}, open(args.out, "w"), indent=1)


def stop(procs):
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
