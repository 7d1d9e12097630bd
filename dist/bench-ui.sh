#!/usr/bin/env bash
# Time to first full frame and steady RSS of the full-screen UI, driven in tmux.
#
#   dist/bench-ui.sh                     # 10 first-frame runs, then RSS over 10 minutes on the demo
#   dist/bench-ui.sh --minutes 1 --runs 5
#   dist/bench-ui.sh --marker 'q quit'   # a text the UI draws last, if "top and bottom rows drawn" is not enough
#   dist/bench-ui.sh --alloytop PATH     # another launcher (default: the bundle installed into a temp dir)
#
# First frame: from the moment the shell in the tmux pane execs alloytop (a timestamp it writes
# itself) until capture-pane shows a full frame: the marker, or by default the first and last rows
# of the window both holding text. Polling costs a few ms per look, so results are upper bounds.
# RSS: VmRSS of the java process (the pane's process: the launcher execs java), sampled every 10 s.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd -P)
runs=10
minutes=10
marker=""
alloytop=""
cols=120 rows=40
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift ;;
    --minutes) minutes=$2; shift ;;
    --marker) marker=$2; shift ;;
    --alloytop) alloytop=$2; shift ;;
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

now_ns() { date +%s%N; }
full_frame() { # full_frame SCREENFILE
  if [ -n "$marker" ]; then grep -qE -- "$marker" "$1"; return; fi
  [ "$(wc -l < "$1")" -ge "$rows" ] || return 1
  head -n 1 "$1" | grep -q '[^[:space:]]' && sed -n "${rows}p" "$1" | grep -q '[^[:space:]]'
}

start_ui() {
  rm -f "$work/t0"
  tmux new-session -d -s "$session" -x "$cols" -y "$rows" \
    "sh -c 'date +%s%N > $work/t0; exec $alloytop ${ALLOYTOP_BENCH_ARGS:---demo}'"
}

echo "alloytop: $alloytop; window ${cols}x${rows}; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
times=()
for i in $(seq "$runs"); do
  start_ui
  deadline=$(( $(now_ns) + 10000000000 ))
  t1=""
  while [ "$(now_ns)" -lt "$deadline" ]; do
    tmux capture-pane -p -t "$session" > "$work/screen" 2>/dev/null || true
    if [ -s "$work/t0" ] && full_frame "$work/screen"; then t1=$(now_ns); break; fi
  done
  if [ -z "$t1" ]; then
    echo "run $i: no full frame within 10 s; last screen:"; cat "$work/screen"; exit 1
  fi
  ms=$(( (t1 - $(cat "$work/t0")) / 1000000 ))
  times+=("$ms")
  echo "run $i: first full frame after $ms ms"
  tmux kill-session -t "$session"
  sleep 0.3
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "first full frame: median %s ms, min %s ms, max %s ms (%d runs)\n", m, a[1], a[NR], NR}'

[ "$minutes" = 0 ] && exit 0
start_ui
sleep 2
pid=$(tmux display-message -p -t "$session" '#{pane_pid}')
echo "RSS of pid $pid over $minutes min (sampled every 10 s):"
max=0
end=$(( $(date +%s) + minutes * 60 ))
while [ "$(date +%s)" -lt "$end" ]; do
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
  [ "$rss" -gt "$max" ] && max=$rss
  echo "$(date +%T) VmRSS $((rss / 1024)) MB"
  sleep 10
done
echo "steady RSS after $minutes min: $((rss / 1024)) MB (max $((max / 1024)) MB)"
