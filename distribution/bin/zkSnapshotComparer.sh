#!/usr/bin/env bash
# Compares two snapshot files, as Apache ZooKeeper's zkSnapshotComparer.sh does, with the same options and output:
#   zkSnapshotComparer.sh -l <left snapshot> -r <right snapshot> -b <bytes> -n <nodes> [-d] [-i]
# depth by depth, prints each znode found in one snapshot only, or whose subtree's data (bytes) or znode count
# differs by more than -b or -n; -d adds debug lines, -i asks which depth or subtree to print next.
set -u
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zkToolEnv.sh"
run_tool dev.menagerie.storage.file.tool.SnapshotComparer "$@"
