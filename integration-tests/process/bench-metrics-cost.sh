#!/usr/bin/env bash
# What metrics cost: alternating rounds of ServerBenchmark (standalone, 32 client threads, forceSync on) against
# Menagerie with its metrics on (the default provider) and with Apache's NullMetricsProvider (counters and summaries
# off), so that a change in the machine's load touches both sides alike. Prints each round's throughput and server
# CPU per operation, and the medians of the per-round ratios on/off.
#
#   ./bench-metrics-cost.sh [ROUNDS] [-Dbench.KEY=VALUE ...]
#
# ROUNDS defaults to 8 (each takes about two minutes). Keys as for bench.sh; the defaults here are
# writeOps=100000, readOps=400000, threads=32, no start-up phase. MENAGERIE_HOME overrides the installation
# (default ../../distribution/target/menagerie). Each round's full output is kept in target/bench-work/metrics-cost.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
MENAGERIE_HOME="${MENAGERIE_HOME:-$here/../../distribution/target/menagerie}"
rounds=8
if [[ $# -gt 0 && "$1" =~ ^[0-9]+$ ]]; then
  rounds="$1"
  shift
fi

classpath_file="target/bench-classpath.txt"
mvn -q test-compile dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
classpath="target/test-classes:$(cat "$classpath_file")"
out="$here/target/bench-work/metrics-cost"
rm -rf "$out"
mkdir -p "$out"

for ((round = 1; round <= rounds; round++)); do
  for kind in menagerie menagerie-nometrics; do
    java \
      -Dmenagerie.home="$MENAGERIE_HOME" \
      -Dmenagerie.it.workDir="$here/target/bench-work" \
      -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
      -Dorg.slf4j.simpleLogger.log.org.apache.zookeeper=error \
      -Dbench.threads=32 -Dbench.znodes= -Dbench.writeOps=100000 -Dbench.readOps=400000 \
      "$@" \
      -Dbench.servers="$kind" \
      -cp "$classpath" \
      dev.menagerie.it.process.bench.ServerBenchmark > "$out/round-$round-$kind.txt" 2>&1
    echo "round $round: $kind done"
  done
done

exec java -cp "$classpath" dev.menagerie.it.process.bench.MetricsCost "$out"
