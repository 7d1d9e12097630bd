#!/usr/bin/env python3
"""Key press to screen latency of the monitor while ~600 components refresh every 250 ms.

Runs `alloytop demo-server --scale N` and the monitor in a detached tmux pane (120x40), then
repeatedly sends `j` and polls `tmux capture-pane` until the selection counter in the table
header ("k/600") moves. The figure includes tmux's own delivery and capture costs (a few ms),
so it is an upper bound of what a user would see.

    src/bench/ui-key-latency.py [presses=40] [scale=600]
"""
import os, re, socket, statistics, subprocess, sys, time, urllib.request

presses = int(sys.argv[1]) if len(sys.argv) > 1 else 40
scale = int(sys.argv[2]) if len(sys.argv) > 2 else 600
jar = os.environ.get("JAR", "target/alloytop.jar")
sock = f"alloytop-lat-{os.getpid()}"

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

def tmux(*a):
    return subprocess.run(["tmux", "-L", sock, *a], capture_output=True, text=True).stdout

port = free_port()
demo = subprocess.Popen(["java", "-jar", jar, "demo-server", "--port", str(port), "--scale", str(scale)],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/-/ready", timeout=1); break
        except Exception:
            time.sleep(0.2)
    tmux("-f", "/dev/null", "new-session", "-d", "-s", "m", "-x", "120", "-y", "40",
         f"env TERM=xterm-256color LANG=C.UTF-8 java -jar {jar} --url http://127.0.0.1:{port} --interval 250ms")
    counter = re.compile(r"(\d+)/(\d+)")
    def position():
        for line in tmux("capture-pane", "-p", "-t", "m").splitlines():
            if "HEALTH" in line:
                m = counter.findall(line)
                if m: return int(m[-1][0]), int(m[-1][1])
        return None
    deadline = time.time() + 60
    while (position() is None or position()[1] < 2) and time.time() < deadline:
        time.sleep(0.5)
    time.sleep(10)  # let the JIT settle
    total = position()[1]
    lat = []
    for i in range(presses):
        before = position()[0]
        key = "j" if before < total else "g"
        t0 = time.perf_counter()
        tmux("send-keys", "-t", "m", key)
        while True:
            p = position()
            if p and p[0] != before: break
            if time.perf_counter() - t0 > 2: break
        lat.append((time.perf_counter() - t0) * 1000)
        time.sleep(0.1)
    lat.sort()
    print(f"{presses} presses, {total} components refreshing every 250 ms, 120x40")
    print(f"key-to-screen ms: median {statistics.median(lat):.1f}  p90 {lat[int(len(lat) * 0.9) - 1]:.1f}  max {lat[-1]:.1f}")
    tmux("send-keys", "-t", "m", "q")
    time.sleep(1)
finally:
    tmux("kill-server")
    demo.terminate()
