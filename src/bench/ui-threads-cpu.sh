#!/usr/bin/env bash
# Where the monitor's CPU goes, thread by thread: runs alloytop (default: the installed bundle found
# by dist/bench-ui.sh's logic, or ALLOYTOP=path) in a detached 120x40 tmux pane against a demo-server
# started here, waits WARM seconds, then reads every thread's run time over SECS seconds from
# /proc/PID/task/TID/schedstat: the scheduler's own nanosecond count. (utime/stime are sampled at the
# 100 Hz timer tick, and a thread that wakes on second boundaries, like a UI clock, is charged whole
# ticks it did not use: at these low rates that was off by 2x.)
#
#   src/bench/ui-threads-cpu.sh [seconds=60] [interval=2s]
#   ALLOYTOP="java -jar target/alloytop.jar" src/bench/ui-threads-cpu.sh 60 2s
#   EMBEDDED=1 ... : `alloytop --demo` instead (the simulated Alloy's threads are then in the same process)
# Needs: tmux, curl, a demo-server-capable alloytop.
set -euo pipefail
SECS=${1:-60}
INTERVAL=${2:-2s}
WARM=${WARM:-20}
ALLOYTOP=${ALLOYTOP:-java -jar target/alloytop.jar}
SOCK=alloytop-threads-$$
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
OUT=$(mktemp -d)
cleanup() {
  tmux -L "$SOCK" kill-server 2>/dev/null || true
  [ -n "${DEMO_PID:-}" ] && kill "$DEMO_PID" 2>/dev/null || true
  rm -rf "$OUT"
}
trap cleanup EXIT
$ALLOYTOP demo-server --port "$PORT" >"$OUT/demo.log" 2>&1 &
DEMO_PID=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/-/ready" >/dev/null && break; sleep 0.2; done
TARGET="--url http://127.0.0.1:$PORT"
[ "${EMBEDDED:-0}" = 1 ] && TARGET="--demo"
tmux -L "$SOCK" -f /dev/null new-session -d -s ui -x 120 -y 40 \
  "env TERM=xterm-256color LANG=C.UTF-8 sh -c 'echo \$\$ > $OUT/pid; exec $ALLOYTOP $TARGET --interval $INTERVAL --logs none'"
sleep "$WARM"
PID=$(cat "$OUT/pid")
snap() { for t in /proc/"$PID"/task/*; do printf '%s\t%s\n' "$(cat "$t/comm")" "$(cut -d' ' -f1 "$t/schedstat")"; done; }
# whole-process CPU from utime+stime as well, which also counts threads that came and went
snap > "$OUT/a"; read -r u0 s0 < <(awk '{print $14, $15}' /proc/"$PID"/stat)
sleep "$SECS"
snap > "$OUT/b"; read -r u1 s1 < <(awk '{print $14, $15}' /proc/"$PID"/stat)
echo "alloytop ($ALLOYTOP $TARGET) at --interval $INTERVAL, ${SECS}s after ${WARM}s warm-up, 120x40, no log source"
awk -F'\t' -v s="$SECS" 'NR==FNR {a[$1]+=$2; next} {b[$1]+=$2} END {
  for (k in b) { d = b[k] - a[k]; if (d > 0) printf "  %-28s %6.3f%%\n", k, 100 * d / 1e9 / s }
}' "$OUT/a" "$OUT/b" | sort -t'%' -k1 | sort -k2 -rn
awk -F'\t' -v s="$SECS" 'NR==FNR {a[$1]+=$2; next} {b[$1]+=$2} END {
  for (k in b) t += b[k] - a[k]; printf "  %-28s %6.3f%% of one core (threads alive at both ends)\n", "TOTAL (schedstat)", 100 * t / 1e9 / s
}' "$OUT/a" "$OUT/b"
awk -v t=$(( (u1 + s1) - (u0 + s0) )) -v hz="$(getconf CLK_TCK)" -v s="$SECS" \
  'BEGIN { printf "  %-28s %6.3f%% of one core (tick-sampled)\n", "TOTAL (utime+stime)", 100 * t / hz / s }'
echo "  RSS $(awk '/VmRSS/ {print int($2/1024)}' /proc/"$PID"/status) MiB"
tmux -L "$SOCK" send-keys -t ui q
