#!/usr/bin/env bash
# Builds the self-contained bundle dist/alloytop-VERSION-linux-ARCH.tar.gz: a jlink-trimmed Java
# runtime, the app jar, JLine's native library, an AppCDS archive, the launcher, man page,
# completions, themes, LICENSE and README.
#
#   dist/build.sh                  # mvn package, then the bundle for this machine (linux-x86_64)
#   dist/build.sh --skip-maven     # reuse target/alloytop.jar
#   dist/build.sh --out DIR        # write the tarball (and the unpacked tree under DIR/build) elsewhere
#   dist/build.sh --arch aarch64 --target-jdk /path/to/aarch64/jdk-17   # cross-link, see dist/README.md
#
# Needs a JDK 17 with jmods (Debian: openjdk-17-jdk-headless ships them). Override with ALLOYTOP_JDK.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd -P)
jdk=${ALLOYTOP_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}
out="$repo/dist"
skip_maven=false
jar=""
arch=$(uname -m)
target_jdk=""

while [ $# -gt 0 ]; do
  case "$1" in
    --skip-maven) skip_maven=true ;;
    --jar) jar=$2; skip_maven=true; shift ;;
    --out) out=$2; shift ;;
    --arch) arch=$2; shift ;;
    --target-jdk) target_jdk=$2; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown argument $1" >&2; exit 64 ;;
  esac
  shift
done

case "$arch" in
  x86_64|amd64) arch=x86_64; jline_arch=x86_64 ;;
  aarch64|arm64) arch=aarch64; jline_arch=arm64 ;;
  *) echo "build.sh: unsupported architecture $arch" >&2; exit 64 ;;
esac
host_arch=$(uname -m)
[ "$host_arch" = amd64 ] && host_arch=x86_64
[ "$host_arch" = arm64 ] && host_arch=aarch64
cross=false
if [ "$arch" != "$host_arch" ]; then
  cross=true
  if [ -z "$target_jdk" ] || [ ! -f "$target_jdk/jmods/java.base.jmod" ]; then
    echo "build.sh: building for $arch on $host_arch needs --target-jdk pointing at a $arch JDK 17 with jmods" >&2
    exit 64
  fi
fi

for tool in jlink jdeps java jar; do
  if [ ! -x "$jdk/bin/$tool" ]; then
    echo "build.sh: $jdk/bin/$tool not found; set ALLOYTOP_JDK to a JDK 17" >&2
    exit 1
  fi
done
if [ ! -f "$jdk/jmods/java.base.jmod" ]; then
  echo "build.sh: $jdk has no jmods (Debian: apt-get install openjdk-17-jdk-headless; others: openjdk-17-jmods)" >&2
  exit 1
fi
jmods=${target_jdk:-$jdk}/jmods

if ! $skip_maven; then
  (cd "$repo" && mvn -q -B package -DskipTests)
fi
jar=${jar:-$repo/target/alloytop.jar}
[ -f "$jar" ] || { echo "build.sh: $jar not found (run without --skip-maven)" >&2; exit 1; }

# Files from inside the jar, with the JDK's own jar tool (no unzip needed).
extract=$(mktemp -d)
trap 'rm -rf "$extract"' EXIT
(cd "$extract" && "$jdk/bin/jar" xf "$jar" io/alloytop/build-info.properties "org/jline/nativ/Linux/$jline_arch/libjlinenative.so")

# The version the jar itself reports, so the file name and `--version` always agree.
version=$(sed -n 's/^version=//p' "$extract/io/alloytop/build-info.properties" | tr -d '\r')
[ -n "$version" ] || { echo "build.sh: no version in $jar" >&2; exit 1; }
name="alloytop-$version-linux-$arch"
stage="$out/build/$name"
rm -rf "$stage"
mkdir -p "$stage/bin" "$stage/lib" "$stage/share/man/man1" \
  "$stage/share/bash-completion/completions" "$stage/share/zsh/site-functions"

# Modules: what jdeps sees, plus what it cannot see because it is reached by reflection or by
# classes that arrive later (the demo server), or by the TLS provider lookup:
#   jdk.unsupported  sun.misc.Signal (SIGWINCH, SIGINT handling in JLine/Lanterna)
#   jdk.crypto.ec    ECDHE/ECDSA cipher suites that most TLS servers require on 17
#   jdk.httpserver   com.sun.net.httpserver for `--demo` and `demo-server`
# Left out on purpose: jdk.localedata (output is English; dates are ISO), jdk.zipfs, java.naming.
# java.desktop (AWT/Swing, ~9 MB compressed) is dropped unless alloytop's own classes use it or
# Lanterna's Swing-capable DefaultTerminalFactory: the libraries only touch it from code a terminal
# tool never runs (TextColor.toColor, JLine's image protocols, Jackson's optional java.beans check).
deps=$("$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 "$jar")
if [[ ",$deps," == *,java.desktop,* ]] && [ "${ALLOYTOP_WITH_DESKTOP:-}" != 1 ]; then
  if "$jdk/bin/jdeps" --ignore-missing-deps --multi-release 17 -verbose:class "$jar" \
      | awk '$1 ~ /^io\.alloytop\./' \
      | grep -Eq 'java\.desktop|lanterna\.terminal\.(DefaultTerminalFactory|swing\.)'; then
    echo "build.sh: alloytop's classes use AWT/Swing; keeping java.desktop"
  else
    deps=$(echo ",$deps," | sed 's/,java\.desktop,/,/; s/^,//; s/,$//')
  fi
fi
modules=$(echo "$deps,jdk.unsupported,jdk.crypto.ec,jdk.httpserver${ALLOYTOP_EXTRA_MODULES:+,$ALLOYTOP_EXTRA_MODULES}" \
  | tr ',' '\n' | awk 'NF && !seen[$0]++' | paste -sd, -)
echo "build.sh: modules $modules"
"$jdk/bin/jlink" --module-path "$jmods" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$stage/runtime"

cp "$jar" "$stage/lib/alloytop.jar"

# A "PEM" KeyStore type, so the launcher can make a host's PEM CA bundle the JDK's default trust
# store (see dist/launcher.sh). KeyStore.getInstance("PEM") walks the provider list in order, and
# every listed provider whose module this image leaves out (SunJGSS, XMLDSig, SunPKCS11, ...) is a
# failed lookup costing tens of ms at every start; so the list keeps the providers the image has,
# then this one. It offers only that one type, so it shadows nothing.
sec="$stage/runtime/conf/security/java.security"
# (the image's release file lists its modules, also for a cross-linked image that cannot run here)
sed -n 's/^MODULES="\(.*\)"$/\1/p' "$stage/runtime/release" | tr ' ' '\n' > "$extract/modules.txt"
grep -qx java.base "$extract/modules.txt" || { echo "build.sh: no module list in $stage/runtime/release" >&2; exit 1; }
awk -v modfile="$extract/modules.txt" '
  BEGIN {
    while ((getline m < modfile) > 0) have[m] = 1
    # provider name -> module, for the providers java.security lists by name
    mod["SUN"] = "java.base"; mod["SunRsaSign"] = "java.base"; mod["SunJSSE"] = "java.base"
    mod["SunJCE"] = "java.base"; mod["SunEC"] = "jdk.crypto.ec"; mod["SunJGSS"] = "java.security.jgss"
    mod["SunSASL"] = "java.security.sasl"; mod["XMLDSig"] = "java.xml.crypto"; mod["SunPCSC"] = "java.smartcardio"
    mod["JdkLDAP"] = "java.naming"; mod["JdkSASL"] = "jdk.security.jgss"; mod["SunPKCS11"] = "jdk.crypto.cryptoki"
    mod["Apple"] = "java.base"; mod["SunMSCAPI"] = "jdk.crypto.mscapi"
  }
  /^security\.provider\.[0-9]+=/ {
    name = substr($0, index($0, "=") + 1); sub(/[ \t].*/, "", name)
    if (name in mod && !(mod[name] in have)) next
    print "security.provider." (++n) "=" substr($0, index($0, "=") + 1); next
  }
  { print }' "$sec" > "$sec.new"
n=$(grep -c '^security\.provider\.[0-9]' "$sec.new")
printf '\n# alloytop: read-only PEM CA bundles as a KeyStore type\nsecurity.provider.%s=io.alloytop.dist.PemTrustProvider\n' \
  "$((n + 1))" >> "$sec.new"
mv "$sec.new" "$sec"

# JLine normally unpacks its JNI library into java.io.tmpdir and loads it from there, which fails on
# a noexec /tmp and writes to the host. The launcher points library.jline.path at this copy instead;
# JLine looks for <path>/<OS>/<arch>/libjlinenative.so first.
native_dir="lib/native/Linux/$jline_arch"
mkdir -p "$stage/$native_dir"
cp "$extract/org/jline/nativ/Linux/$jline_arch/libjlinenative.so" "$stage/$native_dir/libjlinenative.so"
[ -s "$stage/$native_dir/libjlinenative.so" ] || { echo "build.sh: no JLine native library for $jline_arch in $jar" >&2; exit 1; }

install -m 0755 "$repo/dist/launcher.sh" "$stage/bin/alloytop"

# Docs are platform independent: generate them with whichever Java can run here.
runner="$stage/runtime/bin/java"
$cross && runner="$jdk/bin/java"
gen="$extract/docs"
"$runner" -cp "$stage/lib/alloytop.jar" io.alloytop.cli.GenDocs "$gen"
install -m 0644 "$gen/alloytop.1" "$stage/share/man/man1/alloytop.1"
gzip -n -9 "$stage/share/man/man1/alloytop.1"
install -m 0644 "$gen/alloytop.bash" "$stage/share/bash-completion/completions/alloytop"
install -m 0644 "$gen/_alloytop" "$stage/share/zsh/site-functions/_alloytop"

[ -d "$repo/themes" ] && cp -R "$repo/themes" "$stage/themes"
install -m 0644 "$repo/LICENSE" "$stage/LICENSE"
install -m 0644 "$repo/README.md" "$stage/README.md"
install -m 0755 "$repo/dist/install.sh" "$stage/install.sh"

# AppCDS. JDK 17 only maps an archive whose application class path is exactly the one it was
# dumped with, so an archive holding alloytop's own classes cannot travel inside a tarball that is
# unpacked anywhere. The tarball therefore carries:
#   lib/alloytop.classlist  the classes a few short runs load (JDK and app), recorded here;
#   lib/alloytop.jsa        a static archive of the JDK classes in that list, valid at any path;
# and dist/install.sh re-dumps lib/alloytop.jsa with the app classes at the installed path.
# Dumped with the launcher's GC: an archive made under another collector may not map. The launcher
# uses -Xshare:auto, so any mismatch only costs speed, never a failure.
cds_flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dlibrary.jline.path="$stage/lib/native" -Djline.tmpdir="$stage/lib/native")
if ! $cross; then
  lists=$(mktemp -d)
  train() {
    local n=$1; shift
    "$runner" "${cds_flags[@]}" -Xshare:off -XX:DumpLoadedClassList="$lists/$n.lst" \
      -cp "$stage/lib/alloytop.jar" io.alloytop.cli.Main "$@" >/dev/null 2>&1 || true
  }
  # The runs talk to a demo-server in a JVM of its own, standing in for the local Alloy of a real
  # host, and read a plain log file: the archive then holds what the monitor and `check` load in
  # real use, and not the simulated Alloy's classes (~270, about 2 MB of every monitor's resident
  # memory, since the whole archive is mapped) nor --help's; `--demo` loads those from the jar.
  # shellcheck source=dist/demo-server.sh
  . "$repo/dist/demo-server.sh"
  demo_pid=""
  trap 'if [ -n "$demo_pid" ]; then kill "$demo_pid" 2>/dev/null || true; fi; rm -rf "$extract" "$lists"' EXIT
  start_demo_server "$lists/demo-server.out" "$runner" "${cds_flags[@]}" -cp "$stage/lib/alloytop.jar" io.alloytop.cli.Main \
    || { echo "build.sh: the demo-server for the class-data training runs did not start" >&2; exit 1; }
  url=$demo_url
  for i in $(seq 1 40); do
    printf 'ts=2026-01-01T00:00:%02d.000Z level=%s msg="finished node evaluation" controller_path=/ node_id=prometheus.scrape.s%d duration=1.5ms\n' \
      "$i" "$([ $((i % 7)) = 0 ] && echo warn || echo info)" "$i"
  done > "$lists/alloy.log"
  train check check --url "$url"
  train checkjson check --url "$url" --output json
  # The monitor needs a terminal: run it on a pseudo-terminal from script(1) for a few seconds, then
  # press q. Skipped (the archive is merely smaller) where script(1) is missing.
  if command -v script >/dev/null 2>&1; then
    (sleep 4; printf q; sleep 2) | TERM=xterm-256color timeout 60 script -qec \
      "'$runner' ${cds_flags[*]} -Xshare:off -XX:DumpLoadedClassList='$lists/ui.lst' -cp '$stage/lib/alloytop.jar' io.alloytop.cli.Main --url '$url' --log-file '$lists/alloy.log'" \
      /dev/null >/dev/null 2>&1 || true
  else
    echo "build.sh: no script(1); the class-data archive will not cover the full-screen monitor"
  fi
  kill "$demo_pid" 2>/dev/null || true
  wait "$demo_pid" 2>/dev/null || true
  cat "$lists"/*.lst | awk '!seen[$0]++' > "$stage/lib/alloytop.classlist"
  # A training run that failed quietly would only show later as a slow start and a smaller archive.
  need="io/alloytop/cli/CheckReport io/alloytop/metrics/PromTextParser"
  command -v script >/dev/null 2>&1 && need="$need io/alloytop/ui/MonitorApp io/alloytop/logs/FileSource"
  for c in $need; do
    grep -qE "^$c( |$)" "$stage/lib/alloytop.classlist" \
      || { echo "build.sh: the class-data training runs never loaded $c; see $lists" >&2; trap - EXIT; exit 1; }
  done
  "$runner" "${cds_flags[@]}" -Xshare:dump -XX:SharedClassListFile="$stage/lib/alloytop.classlist" \
    -XX:SharedArchiveFile="$stage/lib/alloytop.jsa" >"$lists/dump.log" 2>&1 \
    || { cat "$lists/dump.log" >&2; echo "build.sh: CDS dump failed" >&2; exit 1; }
  rm -rf "$lists"
else
  echo "build.sh: cross build: no AppCDS archive (it must be made by the target JVM; install.sh makes it)"
fi

# Sorted, owner-neutral tar so two builds of the same jar produce the same tree.
mkdir -p "$out"
tarball="$out/$name.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner -C "$out/build" -cf - "$name" | gzip -n -9 > "$tarball"
echo "build.sh: wrote $tarball ($(du -h "$tarball" | cut -f1))"
