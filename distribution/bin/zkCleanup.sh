#!/usr/bin/env bash
# Purges old snapshots and transaction logs on demand, as Apache ZooKeeper's zkCleanup.sh does:
#   zkCleanup.sh [-n <count>]        keep the <count> newest snapshots (default 3, at least 3) and the logs
#                                    they need; read dataDir and dataLogDir from $ZOOCFGDIR/zoo.cfg
# It only deletes files, so it is safe while the server runs. Autopurge (autopurge.purgeInterval) does the same
# on a schedule.
set -u
ZOOBINDIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MENAGERIE_HOME="$(cd "$ZOOBINDIR/.." && pwd)"
ZOOCFGDIR="${ZOOCFGDIR:-$MENAGERIE_HOME/conf}"
ZOOCFG="${ZOOCFG:-zoo.cfg}"
cfg="$ZOOCFGDIR/$ZOOCFG"
[[ -f $cfg ]] || { echo "Error: no configuration at $cfg" >&2; exit 1; }

# shellcheck source=zkToolEnv.sh
. "$ZOOBINDIR/zkToolEnv.sh"
find_java

# The last value of a key in zoo.cfg, trimmed.
cfg_value() {
  grep -E "^[[:space:]]*$1[[:space:]]*[=:]" "$cfg" | tail -n 1 | sed -e 's/^[^=:]*[=:]//' -e 's/^[[:space:]]*//' \
    -e 's/[[:space:]]*$//'
}

# zoo.cfg paths are relative to the installation directory, where zkServer.sh starts the server.
in_home() {
  if [[ $1 == /* ]]; then printf '%s\n' "$1"; else printf '%s\n' "$MENAGERIE_HOME/$1"; fi
}

data_dir="$(cfg_value dataDir)"
[[ -n $data_dir ]] || { echo "Error: $cfg has no dataDir" >&2; exit 1; }
data_dir="$(in_home "$data_dir")"
data_log_dir="$(cfg_value dataLogDir)"
data_log_dir="$(in_home "${data_log_dir:-$data_dir}")"

args=("$@")
[[ ${#args[@]} -gt 0 ]] || args=(-n 3)
exec "$JAVA" -Dslf4j.internal.verbosity=ERROR \
  -cp "$MENAGERIE_HOME/lib/dev.menagerie.storage.file.jar:$MENAGERIE_HOME/lib/dev.menagerie.api.jar:$MENAGERIE_HOME/lib/slf4j-api.jar" \
  dev.menagerie.storage.file.impl.PurgeCli "$data_log_dir" "$data_dir" "${args[@]}"
