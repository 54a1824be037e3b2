#!/usr/bin/env python3
"""The judge's first frame beside `less -S` on the same entries, in one run (docs/performance.md).

Through tmux at 100x30 (termperf.py: first full frame, bytes per Down and per PgDn, peak memory),
the release workstation as judge j1 on a synthetic contest of ENTRIES x JUDGES (default 500 x 20,
Thai titles and organisations), and `less -S` on a CSV of the same entries (id, organisation,
title: what the list shows). The programs are launched in turns, launch by launch, so that
the machine's load falls on all of them alike; more than one KHANAEN binary compares builds (A/B).
Then bytes per Down and per PgDn and peak memory, once for each program.

usage: scripts/bench-first-frame.py [--rounds N] [--runs N] [--entries N --judges N]
                                    [--termperf PATH] [KHANAEN ...]
KHANAEN defaults to .build/release/khanaen (build it first: swift build -c release --static-swift-stdlib).
termperf.py is found at --termperf, $TERMPERF, or ../shared/tools/termperf.py beside the checkout.
"""
import argparse, csv, importlib.util, json, os, shlex, shutil, statistics, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
p = argparse.ArgumentParser()
p.add_argument("--rounds", type=int, default=3)
p.add_argument("--runs", type=int, default=11)
p.add_argument("--entries", type=int, default=500)
p.add_argument("--judges", type=int, default=20)
p.add_argument("--ndown", type=int, default=50, help="Downs for the bytes per key (0: none)")
p.add_argument("--termperf", default=os.environ.get("TERMPERF", os.path.join(root, "..", "shared", "tools", "termperf.py")))
p.add_argument("--socket", default=f"khanaen-bench-ff-{os.getpid()}", help="tmux socket (-L) of the measuring server")
p.add_argument("binaries", nargs="*")
a = p.parse_args()
binaries = [os.path.abspath(b) for b in (a.binaries or [os.path.join(root, ".build", "release", "khanaen")])]

spec = importlib.util.spec_from_file_location("termperf", a.termperf)
termperf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(termperf)
termperf.SOCK = a.socket

work = tempfile.mkdtemp(prefix="khanaen-first-frame-")
contest = os.path.join(work, "contest")
bench = os.path.join(os.path.dirname(binaries[0]), "khanaen-bench")
subprocess.run([bench, "make", contest, str(a.entries), str(a.judges)], check=True, stdout=subprocess.DEVNULL)
with open(os.path.join(contest, "contest.json")) as f:
    text = f.read()
with open(os.path.join(contest, "contest.json"), "w") as f:
    f.write(text.replace('"access": "logins"', '"access": "open"'))
entries = json.load(open(os.path.join(contest, "entries.json")))
entries = entries["entries"] if isinstance(entries, dict) else entries
table = os.path.join(work, "entries.csv")
with open(table, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["id", "organisation", "title"])
    for e in entries:
        w.writerow([e.get("id", ""), e.get("organisation", ""), e.get("title", "")])

last_row = lambda needle: (lambda s: needle in s.split("\n")[termperf.H - 1])
programs = [(f"khanaen {i}" if len(binaries) > 1 else "khanaen", f"{b} judge --contest {contest} --judge j1", last_row("q ออก"))
            for i, b in enumerate(binaries)]
programs.append(("less -S", f"less -S {table}", last_row("entries.csv")))

def launch(ctl, cmd, ready, env="env LANG=C.UTF-8 LC_ALL=C.UTF-8"):
    """One launch timed exactly as termperf.measure times its first frames."""
    t0 = time.perf_counter()
    ctl.cmd(f"new-session -d -s b -x {termperf.W} -y {termperf.H} " + shlex.quote(f"exec {env} {cmd}"))
    termperf._wait(ctl, ready)
    ms = (time.perf_counter() - t0) * 1000
    time.sleep(0.2); ctl.kill(); time.sleep(0.2)
    return ms


# First frames launch by launch in turns (A, B, ..., less; A, B, ..., less; ...), so that a
# change in the machine's load between launches falls on every program alike.
times = {name: [[] for _ in range(a.rounds)] for name, _, _ in programs}
ctl = termperf.Ctl()
try:
    for name, cmd, ready in programs:
        launch(ctl, cmd, ready)  # the first launch of each warms the page cache, not counted
    for r in range(a.rounds):
        for _ in range(a.runs):
            for name, cmd, ready in programs:
                times[name][r].append(launch(ctl, cmd, ready))
finally:
    ctl.close()

print(f"{a.entries} entries, tmux {termperf.W}x{termperf.H}: {a.rounds} rounds of {a.runs} launches of each program, "
      f"launch by launch in turns; first frame medians (ms) per round")
med = {name: [statistics.median(ts) for ts in rounds] for name, rounds in times.items()}
for name, _, _ in programs:
    print(f"{name:10} {', '.join(f'{m:.1f}' for m in med[name])}; x less -S: "
          f"{', '.join(f'{m / l:.2f}' for m, l in zip(med[name], med['less -S']))}; all launches: median "
          f"{statistics.median(sum(times[name], [])):.1f} (x {statistics.median(sum(times[name], [])) / statistics.median(sum(times['less -S'], [])):.2f})",
          flush=True)

if a.ndown:
    for name, cmd, ready in programs:
        m = termperf.measure(cmd, ready, runs=1, ndown=a.ndown)
        print(f"{name:10} bytes per Down {m['bytes_per_down']}, per PgDn {m['bytes_per_pgdn']}, peak memory {m.get('peak_rss_mib', '?')} MiB",
              flush=True)
shutil.rmtree(work)
