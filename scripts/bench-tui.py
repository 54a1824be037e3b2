#!/usr/bin/env python3
"""Workstation benchmark (docs/performance.md): first full frame and bytes per key.

Runs the release binary in a pseudo-terminal of 100x30 on a synthetic contest, as a judge
with a full ledger: the time from launch until the first frame's last row has arrived, and
the bytes the program writes to the terminal for each of 240 Downs (ten pages) and 10 PgDns in the
entry list. Release binaries are built with --static-swift-stdlib, as deployed (README).

With --chair, the chair console instead (as the contest's chair): first frame and peak memory.

usage: scripts/bench-tui.py [ENTRIES JUDGES] [--runs N] [--chair]
"""
import fcntl, os, pty, resource, select, statistics, struct, subprocess, sys, tempfile, termios, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
chair = "--chair" in sys.argv
args = [a for a in sys.argv[1:] if not a.startswith("--")]
runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 15
if "--runs" in sys.argv:
    args = [a for a in args if a != sys.argv[sys.argv.index("--runs") + 1]]
entries, judges = (int(args[0]), int(args[1])) if len(args) == 2 else (500, 20)

for product in ["khanaen", "khanaen-bench"]:
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", product], cwd=root, check=True, stdout=subprocess.DEVNULL)
bin_dir = subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--show-bin-path"], cwd=root, check=True,
                         capture_output=True, text=True).stdout.strip()
work = tempfile.mkdtemp(prefix="khanaen-tui-bench-")
contest = os.path.join(work, "contest")
subprocess.run([os.path.join(bin_dir, "khanaen-bench"), "make", contest, str(entries), str(judges)], check=True,
               stdout=subprocess.DEVNULL)
LAST_ROW = ("ตราผลคะแนน" if chair else "q ออก").encode()


def spawn():
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update({"LANG": "C.UTF-8", "TERM": "xterm-256color", "KHANAEN_CONTEST": contest, "USER": "chair"})
        os.execv(os.path.join(bin_dir, "khanaen"), ["khanaen", "chair"] if chair else ["khanaen", "--judge", "j1"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    return pid, fd


def read_until(fd, needle, timeout=5.0):
    data = b""
    end = time.monotonic() + timeout
    while needle not in data and time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                data += os.read(fd, 65536)
            except OSError:
                break
    return data


def drain(fd, quiet=0.15):
    n = 0
    while True:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            return n
        try:
            n += len(os.read(fd, 65536))
        except OSError:
            return n


def peak_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def finish(pid, fd):
    os.write(fd, b"q")
    drain(fd, 0.2)
    os.close(fd)
    os.waitpid(pid, 0)


first = []
for _ in range(runs):
    start = time.monotonic()
    pid, fd = spawn()
    data = read_until(fd, LAST_ROW)
    first.append((time.monotonic() - start) * 1000)
    assert LAST_ROW in data, "no first frame"
    finish(pid, fd)

if chair:
    pid, fd = spawn()
    read_until(fd, LAST_ROW)
    drain(fd, 0.5)
    peak = peak_mib(pid)
    finish(pid, fd)
    print(f"chair console on {entries}x{judges} ({entries * judges * 8} ledger lines), pty 100x30, release build")
    print(f"first full frame: median {statistics.median(first):.1f} ms over {runs} launches (min {min(first):.1f}, max {max(first):.1f})")
    print(f"peak memory of the program: {peak:.1f} MiB")
    subprocess.run(["rm", "-rf", work])
    sys.exit(0)

pid, fd = spawn()
read_until(fd, LAST_ROW)
drain(fd)
downs = []
for _ in range(240):
    os.write(fd, b"\x1bOB")  # Down in keypad-transmit mode, which curses turns on
    downs.append(drain(fd, 0.08))
pgdns = []
for _ in range(10):
    os.write(fd, b"\x1b[6~")
    pgdns.append(drain(fd, 0.08))
peak = peak_mib(pid)
finish(pid, fd)

print(f"workstation on {entries}x{judges} (judge j1 with {entries * 8} ledger lines), pty 100x30, release build")
print(f"first full frame: median {statistics.median(first):.1f} ms over {runs} launches (min {min(first):.1f}, max {max(first):.1f})")
print(f"bytes per Down, the first 60 from the top: mean {statistics.mean(downs[:60]):.0f}, median {statistics.median(downs[:60]):.0f}: {downs[:60]}")
print(f"bytes per Down, all {len(downs)} (ten pages): mean {statistics.mean(downs):.0f}, median {statistics.median(downs):.0f}, "
      f"largest {max(downs)}")
print(f"bytes per PgDn: mean {statistics.mean(pgdns):.0f}, median {statistics.median(pgdns):.0f} over {len(pgdns)}")
print(f"peak memory of the program: {peak:.1f} MiB")
subprocess.run(["rm", "-rf", work])
