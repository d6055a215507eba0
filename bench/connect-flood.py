#!/usr/bin/python3
"""Benchmark: `sockscope connect` receiving a flood from a Node `ws` server, recording on,
against python3-websockets' client in the same run (see docs/performance.md).

  cd bench && npm install && ./connect-flood.py [MESSAGES] [SIZE] [RUNS]

Needs the jar (mvn -B -q package -DskipTests) and Debian's python3-websockets. Each run starts a
fresh data directory; wall time and peak resident memory come from /usr/bin/time."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
JAR = os.path.join(HERE, "..", "target", "sockscope.jar")
# What a launcher made for the command line could pass (a short-lived process: C1 only, a small
# serial heap); `java -jar` cannot set JVM options itself, so this is measured beside it.
CLI_FLAGS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m"]


def timed(cmd, **kw):
    """Runs cmd under /usr/bin/time; returns (seconds, peak RSS MB, stdout, exit code)."""
    out = subprocess.run(["/usr/bin/time", "-f", "TIME %e %M"] + cmd, capture_output=True, text=True, **kw)
    line = [l for l in out.stderr.splitlines() if l.startswith("TIME ")][-1].split()
    return float(line[1]), int(line[2]) / 1024, out.stdout, out.returncode


def sockscope(url, flags):
    """One recorded `connect` in a fresh data directory: (seconds, MB, exit code, messages recorded)."""
    data = tempfile.mkdtemp(prefix="sockscope-flood-")
    try:
        seconds, mb, _, code = timed(["java"] + flags + ["-jar", JAR, "connect", url, "--wait", "600", "--session", "flood",
                                                          "--data-dir", data], stdin=subprocess.DEVNULL)
        listed = json.loads(subprocess.check_output(["java", "-jar", JAR, "sessions", "--json", "--data-dir", data]))
        return seconds, mb, code, sum(s["messages"] for s in listed)
    finally:
        shutil.rmtree(data, ignore_errors=True)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    server = subprocess.Popen(["node", os.path.join(HERE, "flood-server.js"), str(n), str(size)],
                              stdout=subprocess.PIPE, text=True)
    port = int(server.stdout.readline())
    url = f"ws://127.0.0.1:{port}/"
    ws_version = subprocess.check_output(["node", "-p", "require('ws/package.json').version"], cwd=HERE, text=True).strip()
    print(f"{n:,} messages of {size} B from Node ws {ws_version}")
    try:
        for run in range(1, runs + 1):
            py_s, py_mb, py_out, _ = timed(["/usr/bin/python3", os.path.join(HERE, "flood-client.py"), url])
            line = f"run {run}: python3-websockets {py_s:.2f} s {py_mb:.0f} MB ({int(py_out):,} received)"
            for label, flags in (("java -jar", []), ("with CLI flags", CLI_FLAGS)):
                s_s, s_mb, code, recorded = sockscope(url, flags)
                line += (f" | sockscope connect ({label}) {s_s:.2f} s {s_mb:.0f} MB (exit {code}, {recorded:,} recorded),"
                         f" {s_s / py_s:.2f}x the time, {n / s_s:,.0f} msg/s")
            print(line)
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
