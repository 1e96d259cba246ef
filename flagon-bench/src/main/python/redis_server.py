"""A throwaway redis-server for the load run's "Sessions on Redis" part.

Debian's redis-server on a free loopback port, in a temporary directory, with no persistence (no RDB
snapshots, no append-only file), pinned with taskset to the given CPU. Used as a context manager, so the
server is stopped and its directory deleted whatever happens in between.
"""
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time

READY_TIMEOUT_S = 20


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    def __init__(self, cpu):
        self.cpu = cpu
        self.dir = None
        self.port = None
        self.proc = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def pid(self):
        return self.proc.pid

    def version(self):
        out = subprocess.run(["redis-server", "--version"], capture_output=True, text=True, timeout=10).stdout
        return next((w[2:] for w in out.split() if w.startswith("v=")), out.strip())

    def cli(self, *args):
        """One redis-cli command against this server; its reply as text."""
        return subprocess.run(["redis-cli", "-p", str(self.port), *args], capture_output=True, text=True,
                              timeout=10, check=True).stdout.strip()

    def __enter__(self):
        self.dir = tempfile.mkdtemp(prefix="flagon-bench-redis-")
        try:
            for attempt in range(3):  # a free port can be taken between the probe and redis binding it
                self.port = _free_port()
                self.proc = subprocess.Popen(
                    ["taskset", "-c", self.cpu, "redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
                     "--save", "", "--appendonly", "no", "--dir", self.dir, "--logfile", "redis.log"],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
                if self._wait_ready():
                    return self
                self._stop()
            raise SystemExit(f"redis-server did not start (log: {self._log_tail()})")
        except BaseException:
            self.__exit__(None, None, None)
            raise

    def _wait_ready(self):
        deadline = time.time() + READY_TIMEOUT_S
        while time.time() < deadline and self.proc.poll() is None:
            try:
                if self.cli("PING") == "PONG":
                    return True
            except subprocess.SubprocessError:
                pass
            time.sleep(0.1)
        return False

    def _log_tail(self):
        try:
            with open(os.path.join(self.dir, "redis.log")) as f:
                return " | ".join(f.read().strip().splitlines()[-3:])
        except OSError:
            return "none"

    def _stop(self):
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def __exit__(self, *exc):
        try:
            self._stop()
        finally:
            if self.dir:
                shutil.rmtree(self.dir, ignore_errors=True)
        return False
