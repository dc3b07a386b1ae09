#!/usr/bin/env bash
# Prints a snapshot file, as Apache ZooKeeper's zkSnapShotToolkit.sh does, with the same options and output:
#   zkSnapShotToolkit.sh [-d|-json] <snapshot file>
#     (no option)  every znode with its stat and data length, the sessions and the last zxid
#     -d           the same with each znode's data in Base64
#     -json        the tree in ncdu's JSON export format (ncdu -f file.json)
# It only reads the file, so it is safe on a running server's dataDir.
set -u
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zkToolEnv.sh"
run_tool dev.menagerie.storage.file.tool.SnapshotFormatter "$@"
