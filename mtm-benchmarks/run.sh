#!/usr/bin/env bash
# Runs the JMH benchmarks of the aggregation core and prints ms, ns/row and ratios to the
# bandwidth baseline and to DuckDB, all from one run, then the heap held by 1M respondents x 100
# questions (JOL). --quick: one short fork (under 5 minutes). --no-memory: skip the heap count.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  (cd "$here/.." && mvn -q -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -pl mtm-benchmarks -am package >&2)
fi
memory=1
args=()
for a in "$@"; do
  if [ "$a" = "--no-memory" ]; then memory=0; else args+=("$a"); fi
done
java -Xmx8g -cp "$jar" org.iom.mtm.benchmarks.BenchmarkReport ${args[@]+"${args[@]}"}
if [ "$memory" = 1 ]; then
  echo
  # JOL attaches to its own JVM for exact object sizes
  java -Djdk.attach.allowAttachSelf=true -Xmx3g -cp "$jar" org.iom.mtm.benchmarks.MemoryFootprint 1000000
fi
