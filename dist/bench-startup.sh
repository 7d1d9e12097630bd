#!/usr/bin/env bash
# Side-by-side wall time of one `alloytop check` (median, hyperfine) against the same local server:
#   bundle-unpacked   bin/alloytop of the unpacked tarball (JDK-only class-data archive)
#   bundle-installed  the same bundle after install.sh (archive re-made with alloytop's classes)
#   java -jar         the machine's JDK 17 running target/alloytop.jar with default flags
#   curl              curl -s of the endpoints check reads, one process per endpoint
# plus the compressed bundle size.
#
#   dist/bench-startup.sh                  # demo-server if this alloytop has one, else Debian's prometheus
#   dist/bench-startup.sh --url URL        # an Alloy you already run
#   dist/bench-startup.sh --prometheus     # Debian's prometheus even when demo-server exists
#   dist/bench-startup.sh --runs 30 --command "--version"   # time another alloytop command line
#
# Needs: a built bundle (dist/build.sh), hyperfine, curl; prometheus for the not-Alloy path.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd -P)
url=""
runs=20
command_line=""
force_prometheus=false
java=${ALLOYTOP_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}/bin/java
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url=$2; shift ;;
    --runs) runs=$2; shift ;;
    --prometheus) force_prometheus=true ;;
    --command) command_line=$2; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-startup.sh: unknown argument $1" >&2; exit 64 ;;
  esac
  shift
done

command -v hyperfine >/dev/null || { echo "bench-startup.sh: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
tarball=$(ls -t "$repo"/dist/alloytop-*-linux-"$(uname -m)".tar.gz 2>/dev/null | head -n 1 || true)
[ -n "$tarball" ] || { echo "bench-startup.sh: no bundle; run dist/build.sh first" >&2; exit 1; }
jar=$repo/target/alloytop.jar

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

tar -C "$work" -xzf "$tarball"
unpacked=$(ls -d "$work"/alloytop-*/)
unpacked=${unpacked%/}
"$unpacked/install.sh" --prefix "$work/installed" --bin-dir "$work/bin" --share-dir "$work/share" >/dev/null
installed=$work/installed

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() {
  for _ in $(seq 100); do curl -sf -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "bench-startup.sh: $1 did not answer" >&2; exit 1
}

target="$url"
if [ -z "$target" ]; then
  port=$(free_port)
  if ! $force_prometheus && "$installed/bin/alloytop" --help 2>/dev/null | grep -q 'demo-server'; then
    "$installed/bin/alloytop" demo-server --port "$port" >"$work/server.log" 2>&1 &
    server_pid=$!
    target_kind="alloytop demo-server"
  else
    command -v prometheus >/dev/null || { echo "bench-startup.sh: needs prometheus or --url" >&2; exit 1; }
    prometheus --config.file=/dev/null --storage.tsdb.path="$work/tsdb" \
      --web.listen-address="127.0.0.1:$port" >"$work/server.log" 2>&1 &
    server_pid=$!
    target_kind="Debian prometheus (the not-Alloy path)"
  fi
  target="http://127.0.0.1:$port"
  wait_http "$target/-/ready"
else
  target_kind="$url"
fi

if [ -z "$command_line" ]; then
  if "$installed/bin/alloytop" --help 2>/dev/null | grep -qE '^ +check'; then
    # --cpu-sample 0: the default waits 1 s between two scrapes to measure CPU, which is not start-up
    command_line="check --url $target --cpu-sample 0"
  else
    command_line="--version"
    echo "note: this alloytop has no \`check\` yet; timing \`--version\` (JVM and CLI start-up only)"
  fi
fi

echo "bundle: $(basename "$tarball"), $(stat -c %s "$tarball") bytes ($(du -h "$tarball" | cut -f1))"
echo "target: $target ($target_kind); command: alloytop $command_line; $runs runs each"
echo "host:   $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

curl_all="curl -s -o /dev/null $target/-/ready; curl -s -o /dev/null $target/api/v0/web/components; curl -s -o /dev/null $target/metrics"
# -i: check exits 1/2 on a degraded or not-Alloy target; the time is still what we measure.
# -N: no intermediate shell, so its start-up is not added to every row.
hyperfine -N -i --warmup 3 --runs "$runs" --style basic \
  --export-json "$work/result.json" \
  -n bundle-unpacked "$unpacked/bin/alloytop $command_line" \
  -n bundle-installed "$installed/bin/alloytop $command_line" \
  -n "java -jar" "$java -jar $jar $command_line" \
  -n curl "sh -c '$curl_all'" >"$work/hyperfine.log" 2>&1 || { cat "$work/hyperfine.log"; exit 1; }
python3 - "$work/result.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f'median {r["median"]*1000:7.1f} ms   mean {r["mean"]*1000:7.1f} ms   min {r["min"]*1000:7.1f} ms   max {r["max"]*1000:7.1f} ms   {r["command"]}')
PY
