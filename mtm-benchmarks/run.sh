#!/usr/bin/env bash
# Runs the JMH benchmarks of the aggregation core and prints ms, ns/row and ratios to the
# bandwidth baseline and to DuckDB, all from one run. --quick: one short fork (under 5 minutes).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  (cd "$here/.." && mvn -q -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -pl mtm-benchmarks -am package >&2)
fi
exec java -Xmx8g -cp "$jar" org.iom.mtm.benchmarks.BenchmarkReport "$@"
