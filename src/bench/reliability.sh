#!/bin/sh
# Runs alloytop's resilience suite and prints the README's reliability table from the counts the
# tests wrote to target/resilience/*.properties (nothing here is typed in by hand).
#   src/bench/reliability.sh            unit-level suite (mvn -o test), about 2 minutes
#   src/bench/reliability.sh --with-it  also the tmux UI storm (needs the jar: mvn -o verify)
#   src/bench/reliability.sh --report   only print the table from the last run
set -eu
cd "$(dirname "$0")/../.."
OUT=target/resilience
MVN="mvn -o -q"
UNIT='io.alloytop.resilience.*Test'

if [ "${1:-}" != "--report" ]; then
  rm -rf "$OUT"
  if [ "${1:-}" = "--with-it" ]; then
    $MVN verify -Dtest="$UNIT" -Dit.test='io.alloytop.resilience.*IT' -Dsurefire.failIfNoSpecifiedTests=false \
      -Dfailsafe.failIfNoSpecifiedTests=false >target/reliability-mvn.log 2>&1 || status=$?
  else
    $MVN test -Dtest="$UNIT" -Dsurefire.failIfNoSpecifiedTests=false >target/reliability-mvn.log 2>&1 || status=$?
  fi
  if [ "${status:-0}" != 0 ]; then
    echo "reliability: some tests failed (see target/reliability-mvn.log); the table counts what ran" >&2
  fi
fi

[ -d "$OUT" ] || { echo "reliability: no counts in $OUT; run without --report first" >&2; exit 1; }

cat "$OUT"/*.properties | grep -v '^#' | awk -F= '
  { v[$1] += $2 }
  END {
    for (k in v) {
      if (k ~ /^scenario\..*\.run$/)      { run += v[k]; s = k; sub(/\.run$/, ".survived", s); surv += v[s] }
      if (k ~ /^inputs\./)                { p = k; sub(/^inputs\./, "", p); parsers[p] = v[k]; inputs += v[k] }
      if (k ~ /^strings\./ || k ~ /^injection\.strings\./) { inj += v[k]; paths++ }
      if (k ~ /leaked$/)                  { leaked += v[k] }
      if (k ~ /configBytesLost$/)         { lost += v[k] }
      if (k ~ /configBytesWritten$/)      { written += v[k] }
      if (k ~ /outputsScanned$/)          { scanned += v[k] }
      if (k ~ /optionsChecked$/)          { options += v[k] }
      if (k ~ /symlinkPlanted/)           { links += v[k] }
    }
    print "| measure | value |"
    print "|---|---|"
    printf "| fault scenarios run / survived | %d / %d |\n", run, surv
    n = 0; line = ""
    for (p in parsers) names[++n] = p
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (names[j] < names[i]) { t = names[i]; names[i] = names[j]; names[j] = t }
    for (i = 1; i <= n; i++) line = line (i > 1 ? ", " : "") names[i] " " parsers[names[i]]
    printf "| generated inputs tried (%d parsers) | %d (%s) |\n", n, inputs, line
    printf "| injection strings tried (across %d output paths) | %d |\n", paths, inj
    printf "| secrets leaked (%d outputs scanned, %d options checked) | %d |\n", scanned, options, leaked
    printf "| config bytes lost (%d written and read back) | %d |\n", written, lost
    printf "| planted symlinks not followed | %d |\n", links
  }'
