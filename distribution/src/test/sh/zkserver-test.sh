#!/usr/bin/env bash
# Shell-level test of bin/zkServer.sh against the assembled installation (distribution/target/menagerie, or
# $MENAGERIE_HOME). It runs a server on free loopback ports with a zoo.cfg in a temporary folder whose name
# contains a space, and checks what an operator sees: start, status, shell, a second start, stop, and a bad zoo.cfg
# with start-foreground and start. Every wait is bounded. Prints "N passed, M failed"; exits 1 on any failure.
# Conditions passed to `check eval '...'` are expanded when checked, hence the single quotes:
# shellcheck disable=SC2016,SC2034

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MENAGERIE_HOME="${MENAGERIE_HOME:-$here/../../../target/menagerie}"
MENAGERIE_HOME="$(cd "$MENAGERIE_HOME" 2>/dev/null && pwd)" || {
  echo "no installation at ${MENAGERIE_HOME}: build it first (cd distribution && mvn install)" >&2
  exit 1
}
SCRIPT="$MENAGERIE_HOME/bin/zkServer.sh"
# shellcheck source=/dev/null
source "$here/test-lib.sh"
STATUS_WAIT_S="${STATUS_WAIT_S:-90}"      # a loaded 2-core machine may take a while to start every bundle
FOREGROUND_WAIT_S="${FOREGROUND_WAIT_S:-60}"

work="$(mktemp -d "${TMPDIR:-/tmp}/menagerie zkserver-test.XXXXXX")"
unset ZOOCFGDIR ZOOPIDFILE JVMFLAGS SERVER_JVMFLAGS
export ZOO_LOG_DIR="$work/logs"

# check <description> <command...>: passes when the command succeeds.
check() {
  local description="$1"
  shift
  if "$@"; then pass "$description"; else fail "$description" "${last_output:-}"; fi
}

cleanup() {
  local pid_file pid
  for pid_file in "$work"/data*/zookeeper_server.pid; do
    [[ -f $pid_file ]] || continue
    pid="$(cat "$pid_file")"
    stop_pid "$pid"
  done
  rm -rf "$work"
}
trap cleanup EXIT

# run <command...>: captures stdout+stderr in $last_output and the status in $last_status.
run() {
  last_output="$("$@" 2>&1)"
  last_status=$?
}

output_has() { grep -q -- "$1" <<<"$last_output"; }          # a basic regular expression
output_has_text() { grep -qF -- "$1" <<<"$last_output"; }    # literal text
status_is() { [[ $last_status -eq $1 ]]; }
# await_log <regex> [tenths of a second]: waits until a log line matches; 10 s by default.
await_log() {
  local _
  for _ in $(seq 1 "${2:-100}"); do
    cat "$ZOO_LOG_DIR"/*.log 2>/dev/null | grep -q -- "$1" && return 0
    sleep 0.1
  done
  return 1
}

client_port="$(free_port)"
admin_port="$(free_port)"
while [[ $admin_port == "$client_port" ]]; do admin_port="$(free_port)"; done

good_cfg="$work/zoo.cfg"
cat >"$good_cfg" <<EOF
tickTime=2000
dataDir=$work/data
clientPort=$client_port
clientPortAddress=127.0.0.1
admin.serverAddress=127.0.0.1
admin.serverPort=$admin_port
4lw.commands.whitelist=srvr,ruok
leaderServes=no
jvm.pause.monitor=true
jvm.pause.sleep.time.ms=100
EOF
pid_file="$work/data/zookeeper_server.pid"

echo "installation: $MENAGERIE_HOME"
echo "ports: client $client_port, admin $admin_port"

# ---- print-cmd names the absolute config and the installation's deploy folder
run "$SCRIPT" print-cmd "$good_cfg"
check "print-cmd shows -Dmenagerie.config with the absolute zoo.cfg path" \
  output_has_text "-Dmenagerie.config=$(printf '%q' "$good_cfg") "

# ---- Apache's JMX variables become the JVM's com.sun.management.jmxremote flags
run env JMXPORT=9010 JMXHOSTNAME=zk1.example.com "$SCRIPT" print-cmd "$good_cfg"
check "with JMXPORT, print-cmd opens remote JMX on that port without password or TLS (Apache's defaults)" \
  eval 'output_has_text "-Dcom.sun.management.jmxremote.port=9010 -Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.ssl=false"'
check "JMXHOSTNAME sets java.rmi.server.hostname" output_has_text "-Djava.rmi.server.hostname=zk1.example.com"
check "the settings are reported as Apache's script reports them" \
  output_has_text "ZooKeeper remote JMX Port set to 9010"
run env JMXDISABLE=true "$SCRIPT" print-cmd "$good_cfg"
check "JMXDISABLE=true leaves the JMX agent off" eval '! output_has_text "jmxremote"'
check "and says so" output_has_text "JMX disabled by user request"

# ---- MENAGERIE_RUNTIME=modules runs the same jars on the module path (ModulePath*Test runs such servers)
run env MENAGERIE_RUNTIME=modules "$SCRIPT" print-cmd "$good_cfg"
launcher_args="-p $(printf '%q' "$MENAGERIE_HOME/lib/modules") -m"
launcher_args+=" dev.menagerie.launcher/dev.menagerie.launcher.impl.ModulePathMain $(printf '%q' "$good_cfg")"
check "in modules mode print-cmd runs the launcher module on lib/modules with the zoo.cfg" \
  output_has_text "$launcher_args"
check "and no Felix settings" eval '! output_has_text "felix.fileinstall.dir" && ! output_has_text "menagerie.jar"'
run env MENAGERIE_RUNTIME=karaf "$SCRIPT" status "$good_cfg"
check "an unknown MENAGERIE_RUNTIME exits 1 naming the two runtimes" \
  eval 'status_is 1 && output_has_text "MENAGERIE_RUNTIME=karaf: expected osgi (the default) or modules"'

# ---- status and stop of a server that is not running
run "$SCRIPT" status "$good_cfg"
check "status of a stopped server exits 1" status_is 1
check "status of a stopped server says it is probably not running" \
  output_has "Error contacting service. It is probably not running."
run "$SCRIPT" stop "$good_cfg"
check "stop without a pid file exits 0 and says there is nothing to stop" \
  eval 'status_is 0 && output_has "no zookeeper to stop"'

# ---- start, then status until every bundle is active
start_epoch_ms="$(date +%s%3N)"
run "$SCRIPT" start "$good_cfg"
check "start exits 0" status_is 0
check "start prints STARTED" output_has "Starting zookeeper ... STARTED"
check "start writes the pid file into dataDir" test -s "$pid_file"

status_ok=0
deadline=$((SECONDS + STATUS_WAIT_S))
while ((SECONDS < deadline)); do
  run "$SCRIPT" status "$good_cfg"
  if [[ $last_status -eq 0 ]]; then
    status_ok=1
    break
  fi
  sleep 0.5
done
if [[ $status_ok -eq 1 ]]; then
  echo "all bundles active $(($(date +%s%3N) - start_epoch_ms)) ms after start"
fi
check "status exits 0 within ${STATUS_WAIT_S}s of start (every bundle active)" test "$status_ok" -eq 1
check "status reports Mode: standalone" output_has "^Mode: standalone"
check "status reports the bundle count" eval 'grep -Eq "^Bundles: ([0-9]+) of \1 active" <<<"$last_output"'
check "a key Menagerie ignores (leaderServes=no) gets exactly one WARN line naming it in the log" \
  eval 'test "$(cat "$ZOO_LOG_DIR"/*.log 2>/dev/null | grep -c "WARN.*leaderServes: not supported by Menagerie, ignored")" -eq 1'

# ---- the JVM pause monitor (jvm.pause.monitor=true) logs a pause of the whole process
kill -STOP "$(cat "$pid_file")" && sleep 2 && kill -CONT "$(cat "$pid_file")"
check "a 2 s SIGSTOP is logged by the JVM pause monitor" \
  await_log "Detected pause in JVM or host machine (eg GC): pause of approximately" 50

# ---- a Gogo shell attached to the running server (its ticket lies in a dataDir whose path has a space)
run timeout 60 bash -c 'printf "menagerie:status\nexit\nmenagerie:purge\n" | "$0" shell "$1"' "$SCRIPT" "$good_cfg"
check "shell runs a piped menagerie:status and exits 0" \
  eval 'status_is 0 && output_has "^serving: *yes" && output_has "^mode: *standalone"'
check "shell stops at exit: the command after it does not run" eval '! output_has_text "purge deleted"'

# ---- a live edit to a strategy type no bundle provides is refused; the server keeps serving on its transport
cp "$good_cfg" "$work/zoo.cfg.good"
printf 'serverCnxnFactory=nosuch\n' >>"$good_cfg"
await_log "ERROR.*Refused change to the configuration"
check "a live edit to serverCnxnFactory=nosuch is refused with one ERROR line naming key, type and installed types" \
  eval 'test "$(cat "$ZOO_LOG_DIR"/*.log | grep -c "ERROR.*Refused change to the configuration, keeping revision 1: serverCnxnFactory=nosuch: no installed bundle provides it (installed: netty, nio)")" -eq 1'
run "$SCRIPT" status "$good_cfg"
check "after the refused edit status still exits 0 with Mode: standalone" eval 'status_is 0 && output_has "^Mode: standalone"'
run timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0" && printf ruok >&3 && cat <&3' "$client_port"
check "and the nio client port still answers ruok" output_has_text "imok"
cp "$work/zoo.cfg.good" "$good_cfg"

# ---- the bundle providing the transport in use stops: the log says what is unbound, then that it is back
run timeout 60 bash -c 'printf "stop dev.menagerie.transport.nio\nexit\n" | "$0" shell "$1"' "$SCRIPT" "$good_cfg"
check "stopping the nio bundle logs one ERROR line: unbound, which bundle, what the server does" \
  await_log "ERROR.*serverCnxnFactory=nio is unbound: dev.menagerie.transport.nio [0-9.A-Z-]*, which provided it, stopped or was uninstalled (installed: netty); the client port stays closed until a bundle provides it"
run timeout 60 bash -c 'printf "lb -s dev.menagerie.transport.nio\nexit\n" | "$0" shell "$1"' "$SCRIPT" "$good_cfg"
nio_id="$(sed -n -E 's/^ *([0-9]+)\|.*dev\.menagerie\.transport\.nio.*/\1/p' <<<"$last_output" | head -n 1)"
run timeout 60 bash -c 'printf "start %s\nexit\n" "$2" | "$0" shell "$1"' "$SCRIPT" "$good_cfg" "$nio_id"
check "starting it again logs that serverCnxnFactory=nio is provided again" \
  await_log "INFO.*serverCnxnFactory=nio is now provided by dev.menagerie.transport.nio"
ruok=""
for _ in $(seq 1 50); do
  ruok="$(timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0" && printf ruok >&3 && cat <&3' "$client_port" 2>/dev/null)"
  [[ $ruok == imok ]] && break
  sleep 0.1
done
check "and the client port answers ruok again" test "$ruok" = imok

# ---- a second start refuses
run "$SCRIPT" start "$good_cfg"
check "a second start exits 1" status_is 1
check "a second start says already running as process <pid>" \
  output_has "already running as process $(cat "$pid_file" 2>/dev/null)\."

# ---- stop
server_pid="$(cat "$pid_file" 2>/dev/null)"
run timeout 60 "$SCRIPT" stop "$good_cfg"
check "stop exits 0" status_is 0
check "stop prints STOPPED" output_has "Stopping zookeeper ... STOPPED"
check "stop removes the pid file" test ! -e "$pid_file"
check "stop leaves no server process" eval '! kill -0 "$server_pid" 2>/dev/null'
run "$SCRIPT" shell "$good_cfg" </dev/null
check "shell to a stopped server exits 1 and says why" \
  eval 'status_is 1 && output_has_text "is the server running (zkServer.sh status)?"'

# ---- a zoo.cfg naming a storage engine no bundle provides: the server waits and says so
missing_cfg="$work/zoo-missing.cfg"
sed "s|^dataDir=.*|dataDir=$work/data-missing|" "$good_cfg" >"$missing_cfg"
printf 'storage=nosuch\n' >>"$missing_cfg"
run "$SCRIPT" start "$missing_cfg"
check "start with storage=nosuch exits 0 (the runtime starts and waits)" status_is 0
missing_shown=0
deadline=$((SECONDS + STATUS_WAIT_S))
while ((SECONDS < deadline)); do
  run "$SCRIPT" status "$missing_cfg"
  if output_has_text "storage=nosuch: no installed bundle provides it (installed: file, memory)"; then
    missing_shown=1
    break
  fi
  sleep 0.5
done
check "status lists it under Missing strategies and exits 1" \
  eval 'test "$missing_shown" -eq 1 && status_is 1 && output_has "^Missing strategies:"'
missing_line="storage=nosuch: no installed bundle provides it (installed: file, memory); no server runs until a bundle provides it"
await_log "ERROR.*$missing_line" $((STATUS_WAIT_S * 10))
check "the log says so in one ERROR line" \
  eval 'test "$(cat "$ZOO_LOG_DIR"/*.log | grep -c "ERROR.*$missing_line")" -eq 1'
run timeout 60 "$SCRIPT" stop "$missing_cfg"
check "stop of the waiting server exits 0" status_is 0

# ---- purge on demand
run env ZOOCFGDIR="$(dirname "$good_cfg")" ZOOCFG="$(basename "$good_cfg")" "$MENAGERIE_HOME/bin/zkCleanup.sh" -n 3
check "zkCleanup.sh -n 3 exits 0 and says what it kept" \
  eval 'status_is 0 && output_has "Kept the 3 newest snapshots"'
check "zkCleanup.sh leaves the only snapshot in place" eval 'ls "$work"/data/version-2/snapshot.* >/dev/null 2>&1'
run env ZOOCFGDIR="$(dirname "$good_cfg")" ZOOCFG="$(basename "$good_cfg")" "$MENAGERIE_HOME/bin/zkCleanup.sh" -n 2
check "zkCleanup.sh refuses to keep fewer than 3 snapshots" eval '! status_is 0'

# ---- the snapshot toolkit reads the server's snapshot
snapshot_file="$(ls "$work"/data/version-2/snapshot.* | head -n 1)"
run "$MENAGERIE_HOME/bin/zkSnapShotToolkit.sh" "$snapshot_file"
check "zkSnapShotToolkit.sh prints the znodes and the last zxid" \
  eval 'status_is 0 && output_has_text "ZNode Details (count=" && output_has_text "Last zxid: 0x"'
run "$MENAGERIE_HOME/bin/zkSnapShotToolkit.sh" -d -json "$snapshot_file"
check "zkSnapShotToolkit.sh refuses -d with -json as Apache's does" \
  eval 'status_is 2 && output_has_text "Cannot specify both data dump (-d) and json mode (-json) in same call"'
run "$MENAGERIE_HOME/bin/zkSnapshotRecursiveSummaryToolkit.sh" "$snapshot_file" / 0
check "zkSnapshotRecursiveSummaryToolkit.sh sums the tree from the root" \
  eval 'status_is 0 && output_has_text " /" && output_has_text "   children: "'
run "$MENAGERIE_HOME/bin/zkSnapshotComparer.sh" -l "$snapshot_file" -r "$snapshot_file" -b 0 -n 0
check "zkSnapshotComparer.sh compares a snapshot with itself and finds nothing" \
  eval 'status_is 0 && output_has_text "All layers compared." && ! output_has_text "found only in"'

# ---- the log toolkit runs (its output is compared with Apache's in the storage bundle's TxnLogToolkitTest)
run "$MENAGERIE_HOME/bin/zkTxnLogToolkit.sh" -h
check "zkTxnLogToolkit.sh -h prints Apache's usage and exits 0" \
  eval 'status_is 0 && output_has_text "usage: TxnLogToolkit [-dhrvc] <txn_log_file_name> (-z <zxid>)"'
run "$MENAGERIE_HOME/bin/zkTxnLogToolkit.sh" "$work/no-such-log"
check "zkTxnLogToolkit.sh refuses a missing file and exits 1 as Apache's does" \
  eval 'status_is 1 && output_has_text "File doesn'"'"'t exist or not readable: $work/no-such-log"'
run "$MENAGERIE_HOME/bin/zkTxnLogToolkit.sh" --nosuch "$work/no-such-log"
check "zkTxnLogToolkit.sh names an unknown option and exits 1 as Apache's does" \
  eval 'status_is 1 && output_has_text "Unrecognized option: --nosuch"'

# ---- a stale pid file naming a live process that is not a Menagerie server
mkdir -p "$work/data"
sleep 60 &
bystander_pid=$!
echo -n "$bystander_pid" >"$pid_file"
run "$SCRIPT" stop "$good_cfg"
check "stop with a stale pid file exits 0 and removes the file" eval 'status_is 0 && test ! -e "$pid_file"'
check "stop with a stale pid file leaves the unrelated process alone" kill -0 "$bystander_pid"
kill "$bystander_pid" 2>/dev/null
wait "$bystander_pid" 2>/dev/null

# ---- a bad zoo.cfg: one error line naming the key and the line, exit 2 in the foreground
bad_cfg="$work/bad.cfg"
cat >"$bad_cfg" <<EOF
dataDir=$work/data-bad
tickTime=abc
clientPort=$client_port
admin.serverPort=$admin_port
EOF
run timeout "$FOREGROUND_WAIT_S" "$SCRIPT" start-foreground "$bad_cfg" </dev/null
check "start-foreground with tickTime=abc exits 2" status_is 2
error_lines="$(grep -v '^Using config: ' <<<"$last_output" | grep -c .)"
check "start-foreground prints exactly one line besides 'Using config'" test "$error_lines" -eq 1
check "that line names the key and its line number (2)" \
  eval 'grep -v "^Using config: " <<<"$last_output" | grep -Eq "tickTime" &&
        grep -v "^Using config: " <<<"$last_output" | grep -Eq ":2([^0-9]|$)"'
check "no stack trace (no Exception, no 'at ' frames)" \
  eval '! grep -Eq "Exception|^[[:space:]]+at " <<<"$last_output"'

run timeout "$FOREGROUND_WAIT_S" "$SCRIPT" start "$bad_cfg"
check "start with tickTime=abc exits 1" status_is 1
check "start with tickTime=abc prints FAILED TO START" output_has "FAILED TO START"
check "start with tickTime=abc leaves no pid file" test ! -e "$work/data-bad/zookeeper_server.pid"

# ---- a key Menagerie refuses stops the start with one line naming it, in zoo.cfg and as a system property
refused_cfg="$work/refused.cfg"
cat >"$refused_cfg" <<EOF
dataDir=$work/data-refused
clientPort=$client_port
admin.serverPort=$admin_port
emulate353TTLNodes=true
EOF
run timeout "$FOREGROUND_WAIT_S" "$SCRIPT" start-foreground "$refused_cfg" </dev/null
check "start-foreground with emulate353TTLNodes=true exits 2" status_is 2
check "it prints one line naming emulate353TTLNodes, its line and that it is not supported" \
  eval 'test "$(grep -v "^Using config: " <<<"$last_output" | grep -c .)" -eq 1 &&
        grep -q "refused.cfg:4: emulate353TTLNodes: not supported by Menagerie" <<<"$last_output"'
sed -i '/^emulate353TTLNodes=/d' "$refused_cfg"
run env SERVER_JVMFLAGS="-Dzookeeper.ssl.context.supplier.class=x" timeout "$FOREGROUND_WAIT_S" \
  "$SCRIPT" start-foreground "$refused_cfg" </dev/null
check "start-foreground with -Dzookeeper.ssl.context.supplier.class=x exits 2 naming the property" \
  eval 'status_is 2 && grep -q -- "-Dzookeeper.ssl.context.supplier.class: ssl.context.supplier.class: not supported" <<<"$last_output"'

# ---- a quorum peer whose settings cannot work (an unreadable quorum TLS key store) stops the process
quorum_cfg="$work/quorum-tls.cfg"
mkdir -p "$work/data-quorum"
echo 1 >"$work/data-quorum/myid"
q1="$(free_port)"; q2="$(free_port)"; e1="$(free_port)"; e2="$(free_port)"
cat >"$quorum_cfg" <<EOF
tickTime=2000
initLimit=5
syncLimit=2
dataDir=$work/data-quorum
clientPort=$client_port
clientPortAddress=127.0.0.1
admin.enableServer=false
sslQuorum=true
ssl.quorum.keyStore.location=$work/missing-keystore.p12
ssl.quorum.keyStore.password=secret
ssl.quorum.trustStore.location=$work/missing-truststore.p12
ssl.quorum.trustStore.password=secret
server.1=127.0.0.1:$q1:$e1
server.2=127.0.0.1:$q2:$e2
server.3=127.0.0.1:$((q2 + 1)):$((e2 + 1))
EOF
run timeout "$FOREGROUND_WAIT_S" "$SCRIPT" start-foreground "$quorum_cfg" </dev/null
check "a quorum TLS key store that cannot be read stops start-foreground with exit 1 naming the store" \
  eval 'status_is 1 && grep -q "The quorum peer could not start: .*missing-keystore.p12" <<<"$last_output"'

echo
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
