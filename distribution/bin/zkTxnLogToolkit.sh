#!/usr/bin/env bash
# Prints or repairs a transaction log file, as Apache ZooKeeper's zkTxnLogToolkit.sh does, with the same options
# and output:
#   zkTxnLogToolkit.sh [-dhrvyc] <txn log file> [-z <zxid>]
#     (no option), -d  every transaction, one line each, and the entries whose CRC is wrong
#     -r               write <file>.fixed with the CRC of damaged entries recomputed, asking for each one
#     -y               with -r: fix every damaged entry without asking
#     -v               with -r: print every entry, not just the damaged ones
#     -c -z <zxid>     write <file>.chopped<zxid> holding the entries up to that zxid
# It never changes the log file itself.
set -u
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/zkToolEnv.sh"
run_tool dev.menagerie.storage.file.tool.TxnLogToolkit "$@"
