#!/usr/bin/env python3
"""Measures kisi's start-up from outside: the time from spawning the binary in
a pseudo-terminal to the moment the first full frame of the home screen has
arrived, and the peak memory (max RSS) of the whole run.

Each run: fork a child on a new 80x24 pty, exec kisi, read its output until
the menu ("Jelajahi materi") and the last text of the frame (the footer's
"q keluar") are both in, then send `q` and wait for the exit. The time
includes fork, exec, dynamic loading, loading the built-in pack, opening the
progress store (a fresh one in a temporary folder) and the first draw.

Also reported: the CPU time (user + system) of the whole run, start to exit,
both threads; on a busy machine it says more than the wall-clock time, which
includes waiting for a core. And the peak memory: VmHWM of the kisi process,
read 50 ms after the first frame (so after the search worker has built its
index), just before quitting. (The max RSS that wait4 reports would include
the forked Python interpreter before exec.)

With `-- --content DIR`, the compiled pack cache lives in the temporary
HOME ($HOME/.cache/kisi/packs): the first warm-up run writes it, so the
measured runs start with a warm cache.

Usage: scripts/measure-startup.py [BINARY] [--runs N] [--warmup N]
                                  [-- EXTRA KISI ARGS]
Default binary: $CARGO_TARGET_DIR/release/kisi, else target/release/kisi.
"""

import argparse
import fcntl
import os
import pty
import re
import select
import statistics
import struct
import sys
import tempfile
import termios
import time

# Escape sequences (CSI, OSC, two-byte) and whitespace: the first frame is
# drawn over blank cells, so spaces are mostly cursor moves, not bytes.
NOISE = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b.|\s")
MENU = "Jelajahi materi".replace(" ", "").encode()
FRAME_END = "q keluar".replace(" ", "").encode()
TIMEOUT = 10.0
# The first warm-up run of a big pack loads its TOML and writes the cache.
FIRST_TIMEOUT = 300.0


def one_run(argv, env, timeout=TIMEOUT):
    """Returns (seconds to the first full frame, CPU seconds, peak RSS in KiB)."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.execve(argv[0], argv, env)
    raw = b""
    frame_at = None
    deadline = start + timeout
    while frame_at is None:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.perf_counter()))
        if not ready:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            raise RuntimeError(f"no full frame within {timeout} s; output: {raw[-400:]!r}")
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            os.waitpid(pid, 0)
            raise RuntimeError(f"kisi exited before the first frame; output: {raw[-400:]!r}")
        raw += chunk
        text = NOISE.sub(b"", raw)
        if MENU in text and FRAME_END in text[text.index(MENU):]:
            frame_at = time.perf_counter()
    time.sleep(0.05)
    peak = peak_rss_kib(pid)
    os.write(fd, b"q")
    # Drain until the child closes the pty, so it never blocks on writing.
    while True:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    _, status, usage = os.wait4(pid, 0)
    os.close(fd)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"kisi exited with status {status}")
    return frame_at - start, usage.ru_utime + usage.ru_stime, peak


def peak_rss_kib(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/PID/status")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "release", "kisi")
    parser.add_argument("binary", nargs="?", default=default)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("extra", nargs="*", help="more arguments for kisi (after --)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kisi-startup-") as data_dir:
        argv = [os.path.abspath(args.binary), "--lang", "id", "--data-dir", data_dir, *args.extra]
        env = {"PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "HOME": data_dir}
        for i in range(args.warmup):
            one_run(argv, env, FIRST_TIMEOUT if i == 0 else TIMEOUT)
        times, cpu, rss = [], [], []
        for _ in range(args.runs):
            seconds, cpu_seconds, peak = one_run(argv, env)
            times.append(seconds * 1000)
            cpu.append(cpu_seconds * 1000)
            rss.append(peak)
    print(f"binary: {argv[0]}")
    print(f"runs: {args.runs} (after {args.warmup} warm-up runs)")
    print(
        "first full frame: median {:.2f} ms, p90 {:.2f} ms, min {:.2f} ms, max {:.2f} ms".format(
            statistics.median(times), percentile(times, 90), min(times), max(times)
        )
    )
    print(
        "CPU time of the whole run: median {:.2f} ms, p90 {:.2f} ms".format(
            statistics.median(cpu), percentile(cpu, 90)
        )
    )
    print(
        "peak RSS (VmHWM): median {:.1f} MiB, max {:.1f} MiB".format(
            statistics.median(rss) / 1024, max(rss) / 1024
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
