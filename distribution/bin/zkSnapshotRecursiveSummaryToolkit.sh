#!/usr/bin/env bash
# Sums a snapshot's subtrees, as Apache ZooKeeper's zkSnapshotRecursiveSummaryToolkit.sh does, with the same
# arguments and output:
#   zkSnapshotRecursiveSummaryToolkit.sh <snapshot file> <starting node> <max depth>
# prints, for each znode with children under <starting node>, the count of znodes below it and the bytes of data in
# its subtree; <max depth> (0: no limit) limits what is printed, not what is counted. It only reads the file.
set -u
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zkToolEnv.sh"
run_tool dev.menagerie.storage.file.tool.SnapshotRecursiveSummary "$@"
