# Sourced by dist/build.sh and dist/bench-ui.sh, which both need an Alloy to talk to.
# start_demo_server LOG ALLOYTOP...  runs `ALLOYTOP... demo-server --port 0` in the background and
# waits up to 10 s for the address it prints; sets demo_pid and demo_url, or shows LOG and fails.
start_demo_server() {
  local log=$1
  shift
  "$@" demo-server --port 0 >"$log" 2>&1 &
  demo_pid=$!
  demo_url=""
  for _ in $(seq 1 100); do
    # "demo Alloy listening on http://127.0.0.1:PORT, 33 components; ..."
    demo_url=$(sed -n 's/^demo Alloy listening on \(http:[^ ,]*\).*/\1/p' "$log")
    [ -n "$demo_url" ] && return 0
    kill -0 "$demo_pid" 2>/dev/null || break
    sleep 0.1
  done
  cat "$log" >&2
  return 1
}
