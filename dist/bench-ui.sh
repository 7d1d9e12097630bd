#!/usr/bin/env bash
# Time to first full frame (on a pseudo-terminal) and steady RSS (in tmux) of the full-screen UI.
#
#   dist/bench-ui.sh                     # 10 first-frame runs, then RSS over 10 minutes on the demo
#   dist/bench-ui.sh --minutes 1 --runs 5
#   dist/bench-ui.sh --marker 'refresh'  # a text the UI draws last, if "the last row drawn" is not enough
#   dist/bench-ui.sh --alloytop PATH     # another launcher (default: the bundle installed into a temp dir)
#   dist/bench-ui.sh --rss-embedded      # RSS of `alloytop --demo`, the simulated Alloy in the same process
#
# First frame: from the fork of alloytop on a pseudo-terminal (python3's pty) until its output has
# drawn the window's last row, or holds the marker. The frame is written in one flush, so this is
# when a terminal emulator would show it whole.
# RSS: VmRSS of the java process (the pane's process: the launcher execs java), sampled every 10 s,
# with the UI watching a demo-server that runs in a JVM of its own, as it would watch a real Alloy:
# with --demo the simulated Alloy (its world, HTTP server and threads) would be counted as the UI's.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd -P)
runs=10
minutes=10
marker=""
alloytop=""
rss_embedded=false
demo_pid=""
cols=120 rows=40
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift ;;
    --minutes) minutes=$2; shift ;;
    --marker) marker=$2; shift ;;
    --alloytop) alloytop=$2; shift ;;
    --rss-embedded) rss_embedded=true ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-ui.sh: unknown argument $1" >&2; exit 64 ;;
  esac
  shift
done
command -v tmux >/dev/null || { echo "bench-ui.sh: needs tmux" >&2; exit 1; }

work=$(mktemp -d)
session=alloytop-bench-$$
cleanup() {
  tmux kill-session -t "$session" 2>/dev/null || true
  [ -n "$demo_pid" ] && kill "$demo_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "$alloytop" ]; then
  tarball=$(ls -t "$repo"/dist/alloytop-*-linux-"$(uname -m)".tar.gz 2>/dev/null | head -n 1 || true)
  [ -n "$tarball" ] || { echo "bench-ui.sh: no bundle; run dist/build.sh first" >&2; exit 1; }
  tar -C "$work" -xzf "$tarball"
  "$(ls -d "$work"/alloytop-*/)install.sh" --prefix "$work/installed" --bin-dir "$work/bin" --share-dir "$work/share" >/dev/null
  alloytop=$work/bin/alloytop
fi

start_ui() { # start_ui ARGS...
  tmux new-session -d -s "$session" -x "$cols" -y "$rows" "exec $alloytop $*"
}

echo "alloytop: $alloytop; window ${cols}x${rows}; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# First frame, read straight from a pseudo-terminal as a terminal emulator would: polling tmux's
# capture-pane in a shell loop forks several processes per look and, on a 2-core host, took a
# core from the JVM it was timing (~100 ms more on every run).
python3 - "$runs" "$cols" "$rows" "$marker" $alloytop ${ALLOYTOP_BENCH_ARGS:---demo} <<'PY'
import os, pty, select, signal, struct, sys, time, fcntl, termios
runs, cols, rows, marker = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
cmd = sys.argv[5:]
# by default the frame is whole once the last row has been drawn: Lanterna moves there with CSI row;col H
done = marker.encode() if marker else b"\033[%d;" % rows
times = []
for i in range(1, runs + 1):
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(TERM="xterm-256color", LANG="C.UTF-8")
        os.execvp(cmd[0], cmd)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    out, t1 = b"", None
    while time.monotonic() - t0 < 10:
        if not select.select([fd], [], [], 0.5)[0]:
            continue
        try:
            out += os.read(fd, 1 << 16)
        except OSError:
            break
        if done in out:
            # the rest of that flush may still be in the pty: take it, and stamp its last byte
            t1 = time.monotonic()
            while select.select([fd], [], [], 0.005)[0]:
                out += os.read(fd, 1 << 16)
                t1 = time.monotonic()
            break
    os.write(fd, b"q")
    time.sleep(0.3)
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    if t1 is None:
        sys.exit("run %d: no full frame within 10 s; output began %r" % (i, out[:200]))
    ms = round((t1 - t0) * 1000)
    times.append(ms)
    print("run %d: first full frame after %d ms" % (i, ms), flush=True)
    time.sleep(0.3)
times.sort()
n = len(times)
med = times[n // 2] if n % 2 else (times[n // 2 - 1] + times[n // 2]) / 2
print("first full frame: median %s ms, min %d ms, max %d ms (%d runs)" % (med, times[0], times[-1], n))
PY

[ "$minutes" = 0 ] && exit 0
if $rss_embedded; then
  start_ui ${ALLOYTOP_BENCH_ARGS:---demo}
  what="alloytop ${ALLOYTOP_BENCH_ARGS:---demo}"
else
  # shellcheck source=dist/demo-server.sh
  . "$repo/dist/demo-server.sh"
  start_demo_server "$work/demo-server.out" "$alloytop" || { echo "bench-ui.sh: demo-server did not start" >&2; exit 1; }
  url=$demo_url
  start_ui --url "$url"
  what="alloytop --url $url (a demo-server in its own JVM)"
fi
sleep 2
pid=$(tmux display-message -p -t "$session" '#{pane_pid}')
echo "RSS of $what, pid $pid, over $minutes min (sampled every 10 s):"
max=0
end=$(( $(date +%s) + minutes * 60 ))
while [ "$(date +%s)" -lt "$end" ]; do
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
  [ "$rss" -gt "$max" ] && max=$rss
  echo "$(date +%T) VmRSS $((rss / 1024)) MB"
  sleep 10
done
echo "steady RSS after $minutes min: $((rss / 1024)) MB (max $((max / 1024)) MB)"
