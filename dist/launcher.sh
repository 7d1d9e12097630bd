#!/bin/sh
# alloytop launcher: runs the app on the Java runtime shipped next to it. Installed as bin/alloytop.
# Works through symlinks (e.g. /usr/local/bin/alloytop), from a read-only directory, and on hosts
# whose /tmp is noexec: it writes nothing anywhere and loads JLine's native library from the bundle.

self=$0
# Follow symlinks one hop at a time; `readlink -f` is not everywhere (BusyBox, older systems).
while [ -L "$self" ]; do
  link=$(readlink "$self") || break
  case $link in
    /*) self=$link ;;
    *) self=$(dirname "$self")/$link ;;
  esac
done
APP_HOME=$(cd "$(dirname "$self")/.." && pwd -P) || {
  echo "alloytop: cannot find its installation directory from $0" >&2
  exit 3
}
java="$APP_HOME/runtime/bin/java"
if [ ! -x "$java" ]; then
  echo "alloytop: the bundled Java runtime is missing ($java); reinstall alloytop" >&2
  exit 3
fi

# Trust the host's CA store (where corporate CAs are added) rather than only the roots frozen into
# the bundled runtime at build time. Hosts without Java keep it as a PEM bundle, which the bundled
# runtime reads through its "PEM" KeyStore type (io.alloytop.dist.PemTrustProvider); failing that,
# a Java-format copy the OS may keep. Every default trust manager then uses it, and --ca-file adds
# to it. ALLOYTOP_SYSTEM_CA_BUNDLE names another PEM file; set it empty to use only the bundled roots.
# --truststore on the command line replaces all of this.
trust=
if [ "${ALLOYTOP_SYSTEM_CA_BUNDLE+set}" = set ]; then
  ca_bundle=$ALLOYTOP_SYSTEM_CA_BUNDLE
else
  ca_bundle=
  for f in /etc/ssl/certs/ca-certificates.crt /etc/pki/tls/certs/ca-bundle.crt \
           /etc/ssl/ca-bundle.pem /etc/ssl/cert.pem; do
    # an unusable trust store breaks even plain-http requests (OkHttp loads it up front), so only
    # a bundle that holds a certificate is chosen
    if [ -r "$f" ] && grep -q -e '-----BEGIN CERTIFICATE-----' "$f" 2>/dev/null; then ca_bundle=$f; break; fi
  done
  if [ -z "$ca_bundle" ]; then
    for f in /etc/pki/ca-trust/extracted/java/cacerts /etc/ssl/certs/java/cacerts; do
      if [ -r "$f" ]; then trust="-Djavax.net.ssl.trustStore=$f"; break; fi
    done
  fi
fi

# glibc gives each thread that mallocs its own arena (up to 8 per core); the JVM's dozen threads
# then hold ~6 MB of half-empty arenas. Two are plenty for a monitor (RSS 76 -> 72 MB).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

# A short-lived interactive tool: the client compiler only, on one compiler thread (on two cores a
# second one took CPU from start-up itself: `check` 210 -> 190 ms, first frame 226 -> 210 ms), the
# serial collector, a small heap, the class-data archive made at package time, and no hsperfdata
# file in /tmp. An idle monitor should not wake for the JVM's own housekeeping either: no safepoint
# every second just in case, and idle-monitor deflation looked at every 5 s rather than 4 times a
# second. Memory (the UI's budget is 64 MB resident): a 2 MB young generation, an old one that
# gives back what a full collection frees beyond 20 %, and methods compiled after 500 calls rather
# than 200, so code that runs only at start-up or now and then stays interpreted and out of the code
# cache (70.4 -> 66.2 MB after 10 minutes against a demo-server; steady CPU 0.34 % either way).
# ALLOYTOP_JAVA_OPTS comes after these so it can override them; word splitting is intended.
# shellcheck disable=SC2086
exec "$java" \
  -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData -Xss512k \
  -XX:+UseSerialGC -Xms8m -Xmx128m -Xmn2m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 \
  -XX:Tier3InvocationThreshold=500 -XX:Tier3MinInvocationThreshold=250 -XX:Tier3CompileThreshold=5000 \
  -XX:Tier3BackEdgeThreshold=150000 \
  -XX:+UnlockDiagnosticVMOptions -XX:GuaranteedSafepointInterval=0 -XX:AsyncDeflationInterval=5000 \
  -Xshare:auto -XX:SharedArchiveFile="$APP_HOME/lib/alloytop.jsa" \
  -Dlibrary.jline.path="$APP_HOME/lib/native" -Djline.tmpdir="$APP_HOME/lib/native" \
  -Dalloytop.home="$APP_HOME" \
  ${ca_bundle:+"-Dalloytop.systemCaBundle=$ca_bundle"} \
  ${ca_bundle:+"-Djavax.net.ssl.trustStore=$ca_bundle"} ${ca_bundle:+-Djavax.net.ssl.trustStoreType=PEM} \
  ${trust:+"$trust"} \
  ${ALLOYTOP_JAVA_OPTS:-} \
  -cp "$APP_HOME/lib/alloytop.jar" io.alloytop.cli.Main "$@"
