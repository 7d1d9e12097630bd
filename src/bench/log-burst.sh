#!/usr/bin/env bash
# The logs budget from issue 4: 50,000 journal lines/s for 10 s through decode + parse + LogBuffer
# while a simulated UI thread renders a filtered, searched view every 50 ms.
# Usage: src/bench/log-burst.sh [rate=50000] [seconds=10] [ring=10000]   (JAVA_OPTS to change the heap)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -o -q test-compile
cp="target/test-classes:target/classes:$(mvn -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
exec java ${JAVA_OPTS:--Xmx256m} -cp "$cp" io.alloytop.bench.LogBurst "$@"
