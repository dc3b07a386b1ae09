#!/usr/bin/env bash
# Benchmarks a 3-server Menagerie ensemble against a 3-server Apache ZooKeeper 3.9.5 ensemble (same machine, one
# after the other, same JVM flags, forceSync on, every server on 127.0.0.1): write throughput (create, setData)
# from 1 and 32 client threads with pipelined asynchronous requests, sent to the leader and to the followers; read
# throughput; and failover time (median and max of leader SIGKILLs: kill to the first acknowledged write). Prints a
# table with both ensembles and their ratio.
#
#   ./bench-ensemble.sh [-Dbench.KEY=VALUE ...]
#
# Keys (see EnsembleBenchmark): writeOps, readOps, window, threads, maxPhaseSeconds, failovers, tickTime, jvmFlags,
# servers, keep. MENAGERIE_HOME overrides the installation (default ../../distribution/target/menagerie; build it
# with `cd distribution && mvn install`). Work folders go to target/bench-work and are deleted after each
# ensemble's run unless -Dbench.keep=true (a failed run keeps them, with every server's output).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
MENAGERIE_HOME="${MENAGERIE_HOME:-$here/../../distribution/target/menagerie}"

classpath_file="target/bench-classpath.txt"
mvn -q test-compile dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test

exec java \
  -Dmenagerie.home="$MENAGERIE_HOME" \
  -Dmenagerie.it.workDir="$here/target/bench-work" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dorg.slf4j.simpleLogger.log.org.apache.zookeeper=error \
  "$@" \
  -cp "target/test-classes:$(cat "$classpath_file")" \
  dev.menagerie.it.process.bench.EnsembleBenchmark
