#!/usr/bin/env bash
# CPU time per call of Sanitizer, DisplayWidth and the journal decoder (thread CPU clock; the last
# rounds are the warmed-up numbers). For wall-clock JMH scores: LogTextBenchmark.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -o -q test-compile
cp="target/test-classes:target/classes:$(mvn -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
exec java ${JAVA_OPTS:-} -cp "$cp" io.alloytop.bench.TextCost "$@"
