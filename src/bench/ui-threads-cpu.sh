#!/usr/bin/env bash
# Where the monitor's CPU goes, thread by thread: runs alloytop (default: the installed bundle found
# by dist/bench-ui.sh's logic, or ALLOYTOP=path) in a detached 120x40 tmux pane against a demo-server
# started here, waits WARM seconds, then reads every thread's utime+stime from /proc over SECS seconds.
#
#   src/bench/ui-threads-cpu.sh [seconds=60] [interval=2s]
#   ALLOYTOP="java -jar target/alloytop.jar" src/bench/ui-threads-cpu.sh 60 2s
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
tmux -L "$SOCK" -f /dev/null new-session -d -s ui -x 120 -y 40 \
  "env TERM=xterm-256color LANG=C.UTF-8 sh -c 'echo \$\$ > $OUT/pid; exec $ALLOYTOP --url http://127.0.0.1:$PORT --interval $INTERVAL --logs none'"
sleep "$WARM"
PID=$(cat "$OUT/pid")
snap() { for t in /proc/"$PID"/task/*; do printf '%s\t%s\n' "$(cat "$t/comm")" "$(awk '{print $14 + $15}' "$t/stat")"; done; }
snap > "$OUT/a"; total0=$(awk '{print $14 + $15}' /proc/"$PID"/stat)
sleep "$SECS"
snap > "$OUT/b"; total1=$(awk '{print $14 + $15}' /proc/"$PID"/stat)
hz=$(getconf CLK_TCK)
echo "alloytop ($ALLOYTOP) at --interval $INTERVAL, ${SECS}s after ${WARM}s warm-up, 120x40, demo-server, no log source"
awk -F'\t' -v hz="$hz" -v s="$SECS" 'NR==FNR {a[$1]+=$2; next} {b[$1]+=$2} END {
  for (k in b) { d = b[k] - a[k]; if (d > 0) printf "  %-28s %5.2f%%\n", k, 100 * d / hz / s }
}' "$OUT/a" "$OUT/b" | sort -k2 -rn
awk -v t=$((total1 - total0)) -v hz="$hz" -v s="$SECS" 'BEGIN { printf "  %-28s %5.2f%% of one core\n", "TOTAL (process)", 100 * t / hz / s }'
echo "  RSS $(awk '/VmRSS/ {print int($2/1024)}' /proc/"$PID"/status) MiB"
tmux -L "$SOCK" send-keys -t ui q
