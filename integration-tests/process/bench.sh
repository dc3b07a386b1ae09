#!/usr/bin/env bash
# Benchmarks Menagerie's assembled distribution against Apache ZooKeeper 3.9.5 (standalone, same machine, one
# after the other, same JVM flags, forceSync on): write and read throughput from 1 and 32 client threads, and
# start-up time with many znodes. Prints a table with both servers and their ratio.
#
#   ./bench.sh [-Dbench.KEY=VALUE ...]
#
# Keys (see ServerBenchmark): writeOps, readOps, window, threads, maxPhaseSeconds, znodes, maxPopulateSeconds,
# jvmFlags, servers, keep. MENAGERIE_HOME overrides the installation (default ../../distribution/target/menagerie;
# build it with `cd distribution && mvn install`). Data directories go to target/bench-work and are deleted after
# each server's run unless -Dbench.keep=true.
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
  dev.menagerie.it.process.bench.ServerBenchmark
