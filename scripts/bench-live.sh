#!/usr/bin/env bash
# The console and workstation wait on events: how soon a ledger line written by another
# process reaches the chair's screen (M and L), and the CPU an idle console and an idle
# workstation use over 60 seconds. Release build, through tmux at 100×30. Figures in
# docs/performance.md ("The loop wakes on events").
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8
swift build -c release >/dev/null
bin=.build/release
work=$(mktemp -d)
trap 'tmux -L bench kill-server 2>/dev/null; rm -rf "$work"' EXIT
idle=${IDLE_SECONDS:-60}

cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # clock ticks of user and system time

for size in "M 500 20" "L 2000 50"; do
  set -- $size
  dir="$work/$1"
  $bin/khanaen-bench make "$dir" "$2" "$3" >/dev/null
  sed -i 's/"access": "logins"/"access": "open"/' "$dir/contest.json"
  first=$(grep -o '"id": "e[0-9]*"' "$dir/entries.json" | head -1 | cut -d'"' -f4)
  tmux -L bench kill-server 2>/dev/null || true
  tmux -L bench new-session -d -x 100 -y 30 -s c "$bin/khanaen chair --contest $dir"
  until tmux -L bench capture-pane -p -t c | grep -q "$first"; do sleep 0.05; done
  sleep 2
  times=()
  for k in 1 2 3 4 5; do
    tier=$([ $((k % 2)) = 1 ] && echo none || echo auto)
    before=$(tmux -L bench capture-pane -p -t c)
    $bin/khanaen award --contest "$dir" --entry "$first" --tier $tier --reason "bench $k" >/dev/null
    start=$(date +%s%N)
    while [ "$(tmux -L bench capture-pane -p -t c)" = "$before" ]; do sleep 0.005; done
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
    sleep 1
  done
  echo "$1: a chair line from another process on the console's screen after (ms): ${times[*]}"
done

# Idle: the console on L, then the workstation on M, each left alone for $idle s.
pid=$(pgrep -f "khanaen chair --contest $work/L" | head -1)
a=$(cpu "$pid"); sleep "$idle"; b=$(cpu "$pid")
echo "idle console (L), ${idle} s: $((b - a)) clock ticks of CPU ($(getconf CLK_TCK) a second)"
tmux -L bench new-session -d -x 100 -y 30 -s j "$bin/khanaen judge --contest $work/M --judge j1"
until tmux -L bench capture-pane -p -t j | grep -q "$first"; do sleep 0.05; done
sleep 2
pid=$(pgrep -f "khanaen judge --contest $work/M" | head -1)
a=$(cpu "$pid"); sleep "$idle"; b=$(cpu "$pid")
echo "idle workstation (M), ${idle} s: $((b - a)) clock ticks of CPU"
