#!/usr/bin/env python3
"""Where the judge's first frame stands against `less -S`, without tmux (docs/performance.md).

In a pseudo-terminal of 100x30, launch by launch in turns: `/bin/echo` and `khanaen --version`
until their first byte (what starting a C program and starting Khanaen's runtime cost before
any of its work), then `less -S entries.csv` and `khanaen judge --judge j1` until their first
frame's last row, on the same 500 entries (the synthetic contest of bench-first-frame.py).
tmux adds the same few milliseconds to both programs' first frames; here they are left out.

usage: scripts/bench-start.py [--runs N] [--entries N --judges N] [KHANAEN]
KHANAEN defaults to .build/release/khanaen (swift build -c release --static-swift-stdlib).
"""
import argparse, csv, fcntl, json, os, pty, select, shutil, statistics, struct, subprocess, tempfile, termios, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
p = argparse.ArgumentParser()
p.add_argument("--runs", type=int, default=31)
p.add_argument("--entries", type=int, default=500)
p.add_argument("--judges", type=int, default=20)
p.add_argument("khanaen", nargs="?", default=os.path.join(root, ".build", "release", "khanaen"))
a = p.parse_args()
khanaen = os.path.abspath(a.khanaen)

work = tempfile.mkdtemp(prefix="khanaen-start-")
contest = os.path.join(work, "contest")
subprocess.run([os.path.join(os.path.dirname(khanaen), "khanaen-bench"), "make", contest, str(a.entries), str(a.judges)],
               check=True, stdout=subprocess.DEVNULL)
path = os.path.join(contest, "contest.json")
text = open(path).read()
open(path, "w").write(text.replace('"access": "logins"', '"access": "open"'))
entries = json.load(open(os.path.join(contest, "entries.json")))
entries = entries["entries"] if isinstance(entries, dict) else entries
table = os.path.join(work, "entries.csv")
with open(table, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["id", "organisation", "title"])
    for e in entries:
        w.writerow([e.get("id", ""), e.get("organisation", ""), e.get("title", "")])


def launch(argv, needle):
    """Milliseconds from fork to the first output holding `needle` (None: the first byte)."""
    t0 = time.monotonic_ns()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(LANG="C.UTF-8", LC_ALL="C.UTF-8", TERM="xterm-256color")
        os.execv(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    seen = b""
    while True:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            raise SystemExit(f"{argv[0]}: nothing within 10 s")
        seen += os.read(fd, 65536)
        if needle is None or needle in seen:
            break
    ms = (time.monotonic_ns() - t0) / 1e6
    try:
        os.write(fd, b"q")
        while os.read(fd, 65536):
            pass
    except OSError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    return ms


programs = [
    ("/bin/echo, first byte", ["/bin/echo", "x"], None),
    ("khanaen --version, first byte", [khanaen, "--version"], None),
    ("less -S, first frame", ["/usr/bin/less", "-S", table], b"entries.csv"),
    ("khanaen judge, first frame", [khanaen, "judge", "--contest", contest, "--judge", "j1"], "q ออก".encode()),
]
times = {name: [] for name, _, _ in programs}
for name, argv, needle in programs:
    launch(argv, needle)  # warms the page cache; not counted
for _ in range(a.runs):
    for name, argv, needle in programs:
        times[name].append(launch(argv, needle))
shutil.rmtree(work)

less = statistics.median(times["less -S, first frame"])
print(f"{a.entries} entries, pty 100x30, {a.runs} launches of each, in turns; medians:")
for name, _, _ in programs:
    m = statistics.median(times[name])
    print(f"  {name:32} {m:6.2f} ms  (x less -S's first frame: {m / less:.2f})")
