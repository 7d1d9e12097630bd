#!/usr/bin/env bash
# Builds the test classes (where the JMH benchmarks live) and runs JMH with the project's test classpath.
# Usage: src/bench/jmh.sh <BenchmarkClassOrRegex> [more JMH options, e.g. -f 1 -wi 3 -i 5 -prof gc]
# Set MVN_OFFLINE= (empty) to let Maven download what is missing; by default it runs with -o.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -lt 1 ]; then
  echo "usage: $0 <BenchmarkClassOrRegex> [JMH options]" >&2
  exit 2
fi
offline=${MVN_OFFLINE--o}
mvn -q $offline test-compile
mvn -q $offline dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh.classpath >/dev/null
exec java ${JMH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/jmh.classpath)" org.openjdk.jmh.Main "$@"
