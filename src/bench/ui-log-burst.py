#!/usr/bin/env python3
"""The logs budget of issue 4 measured on the real monitor: a plain log file appended at RATE
lines/s for SECS seconds while `alloytop --logs file --log-file F` runs in a detached tmux pane
(120x40, logs pane focused) against `alloytop demo-server`.

Measured, during the burst only:
  * frame gaps: the monitor runs under `script -T`, which timestamps every chunk written to the
    terminal; the largest gap between chunks is the longest the screen stood still;
  * key latency: `l` (cycle the level filter) is sent every 0.5 s and `tmux capture-pane` is polled
    until the logs header changes (includes tmux delivery and capture costs: an upper bound);
  * RSS of the monitor's JVM, sampled every 0.25 s, against the ring's bound (--log-lines).

    src/bench/ui-log-burst.py [rate=50000] [secs=10] [ring=10000]     (JAR=target/alloytop.jar)
"""
import os, re, socket, subprocess, sys, tempfile, threading, time, urllib.request

rate = int(sys.argv[1]) if len(sys.argv) > 1 else 50000
secs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
ring = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
jar = os.path.abspath(os.environ.get("JAR", "target/alloytop.jar"))
sock = f"alloytop-burst-{os.getpid()}"
out = tempfile.mkdtemp(prefix="alloytop-burst-")
log = os.path.join(out, "alloy.log")
open(log, "w").close()

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

def tmux(*a):
    return subprocess.run(["tmux", "-L", sock, *a], capture_output=True, text=True).stdout

def screen():
    return tmux("capture-pane", "-p", "-t", "m")

def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"): return int(line.split()[1])
    except OSError:
        return 0
    return 0

port = free_port()
demo = subprocess.Popen(["java", "-jar", jar, "demo-server", "--port", str(port)],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/-/ready", timeout=1); break
        except Exception:
            time.sleep(0.2)
    cmd = (f"java -Xlog:gc:file={out}/gc.log {os.environ.get('JAVA_OPTS', '')} -jar {jar} --url http://127.0.0.1:{port} --logs file --log-file {log} --log-lines {ring}")
    tmux("-f", "/dev/null", "new-session", "-d", "-s", "m", "-x", "120", "-y", "40",
         f"env TERM=xterm-256color LANG=C.UTF-8 script -q -f -T {out}/timing "
         f"-c 'echo $$ > {out}/pid; exec {cmd}' {out}/typescript")
    deadline = time.time() + 60
    while "HEALTH" not in screen() and time.time() < deadline:
        time.sleep(0.3)
    pid = int(open(f"{out}/pid").read())  # the shell exec'd java: same pid
    time.sleep(8)  # JIT warm-up on an idle screen
    tmux("send-keys", "-t", "m", "Tab")
    time.sleep(1)
    rss_before = rss_kib(pid)

    stop = threading.Event()
    samples = []
    def sample():
        while not stop.is_set():
            samples.append(rss_kib(pid)); time.sleep(0.25)
    threading.Thread(target=sample, daemon=True).start()

    written = [0]
    # The lines are made before the burst, so the writer costs a write() per 10 ms slice and not a
    # core of Python string formatting (which starved everything else on this 2-core machine and is
    # no part of what alloytop has to cope with).
    levels = ["debug", "info", "warn", "error"]
    lines = [f'ts=2026-11-22T09:00:00.{n % 1000:03d}Z level={levels[n % 4]} '
             f'component_id=prometheus.scrape.c{n % 50} msg="burst line {n}" target=http://10.0.0.{n % 255}:9100/metrics\n'
             for n in range(rate * secs)]
    def writer():
        # appends in 10 ms slices; each line is Alloy-style logfmt with a rotating level
        with open(log, "a", buffering=1 << 20) as f:
            start = time.perf_counter(); n = 0
            while True:
                el = time.perf_counter() - start
                if el >= secs: break
                due = min(int(el * rate) + rate // 100, rate * secs)
                if due > n:
                    f.write("".join(lines[n:due])); f.flush()
                    n = due
                time.sleep(0.01)
            written[0] = n
    t_start = time.time()
    w = threading.Thread(target=writer); w.start()

    lat = []
    header = re.compile(r"Logs .*")
    while w.is_alive():
        before = [l for l in screen().splitlines() if " Logs " in l]
        t0 = time.perf_counter()
        tmux("send-keys", "-t", "m", "l")
        while time.perf_counter() - t0 < 3:
            now = [l for l in screen().splitlines() if " Logs " in l]
            # the level part of the header (info+/warn+/error+) flips with each l
            lv = lambda ls: re.findall(r"(info\+|warn\+|error\+)", ls[0]) if ls else []
            if lv(now) != lv(before): break
        lat.append((time.perf_counter() - t0) * 1000)
        time.sleep(0.5)
    w.join()
    t_end = time.time()
    time.sleep(1)
    stop.set()
    final = screen()
    # the live heap after a full collection: what the ring (and its parsed entries) really holds
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True)
    heap = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True).stdout
    # G1 prints one "garbage-first heap" line, Serial a "def new" and a "tenured" generation: sum them
    used = [int(u) for u in re.findall(r"(?:generation|heap)\s+total \d+K, used (\d+)K", heap)]
    live = sum(used) / 1024 if used else -1
    pauses = []
    with open(f"{out}/gc.log") as f:
        for line in f:
            pm = re.search(r"Pause.* (\d+\.\d+)ms", line)
            if pm: pauses.append(float(pm.group(1)))

    # frame gaps inside the burst window, from script's timing log (delay-before-chunk, bytes)
    t, chunks = 0.0, []
    with open(f"{out}/timing") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                try: t += float(parts[0]); chunks.append((t, int(parts[1])))
                except ValueError: pass
    start_wall = os.path.getmtime(f"{out}/pid")  # written just before java started
    in_burst = [c for c in chunks if t_start - start_wall <= c[0] <= t_end - start_wall]
    gaps = [b[0] - a[0] for a, b in zip(in_burst, in_burst[1:])]
    burst0 = t_start - start_wall
    worst = sorted(((b[0] - a[0], a[0] - burst0) for a, b in zip(in_burst, in_burst[1:])), reverse=True)[:5]
    gaps.sort()
    print(f"burst: {written[0]} lines in {secs} s ({written[0] / secs:.0f} lines/s), ring {ring}, 120x40, logs pane focused")
    if gaps:
        print(f"frames during burst: {len(in_burst)}; gap median {gaps[len(gaps)//2]*1000:.0f} ms, "
              f"p99 {gaps[int(len(gaps)*0.99)]*1000:.0f} ms, max {gaps[-1]*1000:.0f} ms")
        print("worst gaps (ms, starting at s into the burst): "
              + ", ".join(f"{g*1000:.0f} @ {at:.1f}s" for g, at in worst))
    bytes_burst = sum(c[1] for c in in_burst)
    print(f"terminal output during burst: {bytes_burst / (t_end - t_start) / 1024:.0f} KiB/s")
    lat.sort()
    if lat:
        print(f"key `l` to screen: {len(lat)} presses, median {lat[len(lat)//2]:.0f} ms, max {lat[-1]:.0f} ms")
    print(f"RSS: before {rss_before/1024:.0f} MiB, max during {max(samples)/1024:.0f} MiB, after {samples[-1]/1024:.0f} MiB")
    print(f"live heap after a full GC: {live:.0f} MiB; GC pauses: {len(pauses)}, max {max(pauses or [0]):.0f} ms")
    hl = [l for l in final.splitlines() if " Logs " in l]
    print("logs header after:", hl[0].strip() if hl else "(not found)")
    try:
        print("load average:", open("/proc/loadavg").read().split()[:3])
    except OSError:
        pass
finally:
    # script(1) outlives tmux's kill-server and keeps the monitor's pty open: end the monitor itself
    try:
        os.kill(int(open(f"{out}/pid").read()), 15)
    except (OSError, ValueError):
        pass
    tmux("kill-server")
    demo.terminate()
