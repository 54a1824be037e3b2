#!/usr/bin/env bash
# The console and workstation wait on events: how soon a ledger line written by another
# process reaches the chair's screen (M and L), with the chair idle and with the chair typing
# (a key every 30 ms that changes nothing on the screen: Home on the ranking's first row), each
# line written once the screen has been still for 3 s; and the CPU an idle console (L) and an
# idle workstation (M) use over 60 seconds, once each has used none for 5 s. Release build
# as README installs it, through tmux at 100×30. Figures in docs/performance.md ("The loop
# wakes on events"). KHANAEN_BIN=DIR uses the binaries in DIR instead of building;
# SIZES="M" (or "L") runs one size; IDLE_SECONDS=N changes the 60 s.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8
if [ -n "${KHANAEN_BIN:-}" ]; then
  bin=$KHANAEN_BIN
else
  swift build -c release --static-swift-stdlib >/dev/null
  bin=.build/release
fi
work=$(mktemp -d)
sock=khanaen-bench-live-$$
typer=
trap 'rm -rf "$work"; [ -n "$typer" ] && kill "$typer" 2>/dev/null; tmux -L $sock kill-server 2>/dev/null || true' EXIT
idle=${IDLE_SECONDS:-60}
sizes=${SIZES:-M L}
t() { tmux -L $sock "$@"; }

cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # clock ticks of user and system time
# The pid of the program a tmux session runs (its pane's process execs it).
panepid() { t display-message -p -t "$1" '#{pane_pid}'; }

# Until the console's screen has not changed for 3 s: on L the statistics of the line before
# (about a second of CPU) may still change it, which would be taken for the next line's arrival.
settle() {
  local last now since=$(date +%s)
  last=$(t capture-pane -p -t c)
  while [ $(( $(date +%s) - since )) -lt 3 ]; do
    sleep 0.2; now=$(t capture-pane -p -t c)
    if [ "$now" != "$last" ]; then last=$now; since=$(date +%s); fi
  done
}

# Until the program has used no CPU for 5 s, at most 3 minutes.
quiet() {
  local a b n=0
  while [ $n -lt 36 ]; do
    a=$(cpu "$1"); sleep 5; b=$(cpu "$1"); n=$((n + 1))
    [ "$a" = "$b" ] && return
  done
}

# One award from another process, and the time until the console's screen changes (ms).
award_latency() {
  local dir=$1 entry=$2 tier=$3 k=$4 before start
  settle
  before=$(t capture-pane -p -t c)
  $bin/khanaen award --contest "$dir" --entry "$entry" --tier "$tier" --reason "bench $k" >/dev/null
  start=$(date +%s%N)
  while [ "$(t capture-pane -p -t c)" = "$before" ]; do sleep 0.005; done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}

for size in "M 500 20" "L 2000 50"; do
  set -- $size
  case " $sizes " in *" $1 "*) ;; *) continue ;; esac
  dir="$work/$1"
  $bin/khanaen-bench make "$dir" "$2" "$3" >/dev/null
  sed -i 's/"access": "logins"/"access": "open"/' "$dir/contest.json"
  t kill-server 2>/dev/null || true
  t -f /dev/null new-session -d -x 100 -y 30 -s c "$bin/khanaen chair --contest $dir"
  # The ranking's last row names the seal once the first frame is drawn.
  until t capture-pane -p -t c | grep -q "ตราผลคะแนน"; do sleep 0.05; done
  sleep 3
  # The entry at the top of the ranking, so that its row is on screen whatever the size.
  entry=$(t capture-pane -p -t c | grep -o 'e[0-9][0-9]*' | head -1)
  idle_ms=() typing_ms=()
  for k in 1 2 3 4 5 6; do
    tier=$([ $((k % 2)) = 1 ] && echo none || echo auto)
    idle_ms+=($(award_latency "$dir" "$entry" $tier "$k"))
  done
  ( while :; do tmux -L $sock send-keys -t c Home; sleep 0.03; done ) & typer=$!
  sleep 1
  for k in 7 8 9 10 11 12; do
    tier=$([ $((k % 2)) = 1 ] && echo none || echo auto)
    typing_ms+=($(award_latency "$dir" "$entry" $tier "$k"))
  done
  kill "$typer"; typer=
  echo "$1: a chair's line from another process on the console's screen after (ms), idle: ${idle_ms[*]}; typing: ${typing_ms[*]}"
  if [ "$1" = L ] || [ "$sizes" = M ]; then
    pid=$(panepid c)
    quiet "$pid"
    a=$(cpu "$pid"); sleep "$idle"; b=$(cpu "$pid")
    echo "idle console ($1), ${idle} s: $((b - a)) clock ticks of CPU ($(getconf CLK_TCK) a second)"
  fi
  if [ "$1" = M ]; then
    t new-session -d -x 100 -y 30 -s j "$bin/khanaen judge --contest $dir --judge j1"
    until t capture-pane -p -t j | grep -q "q ออก"; do sleep 0.05; done
    sleep 2
    pid=$(panepid j)
    quiet "$pid"
    a=$(cpu "$pid"); sleep "$idle"; b=$(cpu "$pid")
    echo "idle workstation (M), ${idle} s: $((b - a)) clock ticks of CPU"
    t kill-session -t j
  fi
  t kill-server
done
