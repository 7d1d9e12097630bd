#!/usr/bin/env bash
# Bytes written to the terminal per second by the monitor vs `htop -d 10`, both at 120x40 in one run,
# plus the monitor's own CPU and RSS. Each program runs under `script` (which records exactly what
# reaches the terminal) inside its own detached tmux session; bytes are counted over a window that
# starts after a warm-up, so start-up (alternate screen, first full frame) is excluded.
#
#   src/bench/ui-bytes-and-cpu.sh [seconds=60] [interval=1s] [scale=0 (realistic ~40 components)]
# Needs: tmux, script (util-linux), htop, a built target/alloytop.jar.
set -euo pipefail
SECS=${1:-60}
INTERVAL=${2:-1s}
SCALE=${3:-0}
WARM=${WARM:-10}
JAR=${JAR:-target/alloytop.jar}
OUT=$(mktemp -d)
SOCK=alloytop-bench-$$
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

cleanup() {
  # script(1) outlives tmux's kill-server and keeps its child's pty open: end the children themselves
  [ -s "$OUT/pid" ] && kill "$(cat "$OUT/pid")" 2>/dev/null
  pkill -f "script -q -f -c htop -d 10" 2>/dev/null || true
  tmux -L "$SOCK" kill-server 2>/dev/null || true
  [ -n "${DEMO_PID:-}" ] && kill "$DEMO_PID" 2>/dev/null || true
}
trap cleanup EXIT

java -jar "$JAR" demo-server --port "$PORT" --scale "$SCALE" >"$OUT/demo.log" 2>&1 &
DEMO_PID=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/-/ready" >/dev/null && break; sleep 0.2; done

T="tmux -L $SOCK -f /dev/null"
$T new-session -d -s alloytop -x 120 -y 40 \
  "env TERM=xterm-256color LANG=C.UTF-8 script -q -f -c 'echo \$\$ > $OUT/pid; exec java -jar $JAR --url http://127.0.0.1:$PORT --interval $INTERVAL' $OUT/alloytop.typescript"
$T new-session -d -s htop -x 120 -y 40 \
  "env TERM=xterm-256color LANG=C.UTF-8 script -q -f -c 'htop -d 10' $OUT/htop.typescript"

sleep "$WARM"
PID=$(cat "$OUT/pid")
a0=$(stat -c %s "$OUT/alloytop.typescript"); h0=$(stat -c %s "$OUT/htop.typescript")
read -r u0 s0 < <(awk '{print $14, $15}' "/proc/$PID/stat")
sleep "$SECS"
a1=$(stat -c %s "$OUT/alloytop.typescript"); h1=$(stat -c %s "$OUT/htop.typescript")
read -r u1 s1 < <(awk '{print $14, $15}' "/proc/$PID/stat")
rss=$(awk '/VmRSS/ {print $2}' "/proc/$PID/status")
hz=$(getconf CLK_TCK)

echo "window: ${SECS}s after ${WARM}s warm-up, 120x40, monitor interval $INTERVAL, demo scale $SCALE"
awk -v a=$((a1 - a0)) -v h=$((h1 - h0)) -v s="$SECS" 'BEGIN {
  printf "alloytop: %d bytes, %.0f bytes/s\n", a, a / s
  printf "htop -d 10: %d bytes, %.0f bytes/s\n", h, h / s }'
awk -v t=$(( (u1 + s1) - (u0 + s0) )) -v hz="$hz" -v s="$SECS" -v rss="$rss" 'BEGIN {
  printf "alloytop CPU: %.2f%% of one core; RSS %.0f MiB\n", 100 * t / hz / s, rss / 1024 }'
$T send-keys -t alloytop q
