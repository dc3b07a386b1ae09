#!/usr/bin/env bash
# A 3-server ensemble set up as conf/zoo-ensemble-example.cfg tells an operator to (a copy of the installation,
# one copy of the example per server, data/N/myid, ZOO_LOG_DIR=logs/N bin/zkServer.sh start zooN.cfg), on free
# loopback ports instead of 2181-2183/2888-2890/3888-3890, then checked with:
#   - bin/zkServer.sh status on every server: one leader, two followers;
#   - kazoo on every server (kazoo_ensemble_checks.py): writes through each server read back on all, watches and
#     ephemerals across servers, a session moving between servers;
#   - the C client's shell on every server;
#   - the leader killed with SIGKILL: kazoo writes again through the others, the data is intact, a new leader is
#     elected, and the killed server rejoins as a follower with every write.
# Every wait is bounded; every server is stopped on exit. Prints "N passed, M failed"; exits 1 on any failure.

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MENAGERIE_HOME="${MENAGERIE_HOME:-$here/../../distribution/target/menagerie}"
MENAGERIE_HOME="$(cd "$MENAGERIE_HOME" 2>/dev/null && pwd)" || {
  echo "no installation at ${MENAGERIE_HOME}: build it first (cd distribution && mvn install)" >&2
  exit 1
}
# shellcheck source=/dev/null
source "$here/../../distribution/src/test/sh/test-lib.sh"
ELECT_WAIT_S="${ELECT_WAIT_S:-120}"   # start-up of three JVMs on a loaded 2-core machine, then the election
KAZOO_WAIT_S="${KAZOO_WAIT_S:-180}"
CLI_WAIT_S="${CLI_WAIT_S:-20}"

work="$(mktemp -d "${TMPDIR:-/tmp}/menagerie-ensemble-test.XXXXXX")"
unset ZOOCFGDIR ZOOPIDFILE JVMFLAGS SERVER_JVMFLAGS
install="$work/menagerie"
cp -r "$MENAGERIE_HOME" "$install"
rm -rf "$install/data" "$install/logs"
SCRIPT="$install/bin/zkServer.sh"


server_pid() {
  cat "$install/data/$1/zookeeper_server.pid" 2>/dev/null
}

stop_server() {
  local pid
  pid="$(server_pid "$1")"
  (cd "$install" && ZOO_LOG_DIR="logs/$1" timeout 60 "$SCRIPT" stop "zoo$1.cfg" >/dev/null 2>&1)
  stop_pid "$pid"
}

cleanup() {
  for n in 1 2 3; do stop_server "$n"; done
  rm -rf "$work"
}
trap cleanup EXIT

start_server() {
  (cd "$install" && ZOO_LOG_DIR="logs/$1" "$SCRIPT" start "zoo$1.cfg" >/dev/null 2>&1)
}

# mode_of <n>: the Mode line zkServer.sh status prints for server n ("leader", "follower", or empty)
mode_of() {
  (cd "$install" && ZOO_LOG_DIR="logs/$1" timeout 20 "$SCRIPT" status "zoo$1.cfg" 2>/dev/null) \
    | sed -n 's/^Mode: //p'
}

# wait_for_modes <expected sorted modes, e.g. "follower follower leader"> <servers...>
wait_for_modes() {
  local expected="$1" modes n deadline=$((SECONDS + ELECT_WAIT_S))
  shift
  while ((SECONDS < deadline)); do
    modes="$(for n in "$@"; do mode_of "$n"; done | sort | xargs)"
    [[ $modes == "$expected" ]] && return 0
    sleep 0.5
  done
  echo "$modes"
  return 1
}

leader_of() {
  local n
  for n in "$@"; do
    [[ "$(mode_of "$n")" == leader ]] && echo "$n" && return
  done
}

# ---- the documented set-up, with free ports
declare -a client quorum election admin
used=" "
pick_port() {
  local port
  port="$(free_port)"
  while [[ $used == *" $port "* ]]; do port="$(free_port)"; done
  used+="$port "
  echo "$port"
}
for n in 1 2 3; do
  client[n]="$(pick_port)"; quorum[n]="$(pick_port)"; election[n]="$(pick_port)"; admin[n]="$(pick_port)"
done
for n in 1 2 3; do
  sed -e "s|^dataDir=.*|dataDir=data/$n|" -e "s|^clientPort=.*|clientPort=${client[n]}|" \
    -e "s|^admin.serverPort=.*|admin.serverPort=${admin[n]}|" \
    -e "s|^4lw.commands.whitelist=.*|4lw.commands.whitelist=*|" \
    -e "s|^server.1=.*|server.1=127.0.0.1:${quorum[1]}:${election[1]}|" \
    -e "s|^server.2=.*|server.2=127.0.0.1:${quorum[2]}:${election[2]}|" \
    -e "s|^server.3=.*|server.3=127.0.0.1:${quorum[3]}:${election[3]}|" \
    "$install/conf/zoo-ensemble-example.cfg" >"$install/conf/zoo$n.cfg"
  mkdir -p "$install/data/$n" && echo "$n" >"$install/data/$n/myid"
done
hosts=("127.0.0.1:${client[1]}" "127.0.0.1:${client[2]}" "127.0.0.1:${client[3]}")
echo "installation copy: $install"
echo "client ports: ${client[*]:1}"

started_ms="$(date +%s%3N)"
for n in 1 2 3; do start_server "$n"; done
if modes="$(wait_for_modes "follower follower leader" 1 2 3)"; then
  pass "the ensemble elects one leader and two followers ($(($(date +%s%3N) - started_ms)) ms after start)"
else
  fail "the ensemble elects one leader and two followers within ${ELECT_WAIT_S}s" "modes: $modes"$'\n'"$(tail -n 20 "$install"/logs/*/*.log)"
  echo; echo "$passed passed, $failed failed"; exit 1
fi

# mntr on the leader: Apache's leader metrics count the followers in sync.
leader="$(leader_of 1 2 3)"
mntr="$(timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" && printf mntr >&3 && cat <&3' _ "${client[leader]}" 2>/dev/null)"
if grep -q $'^zk_synced_followers\t2$' <<<"$mntr" && grep -q $'^zk_peer_state\tleading - broadcast$' <<<"$mntr"; then
  pass "mntr on the leader reports peer_state leading - broadcast and 2 synced followers"
else
  fail "mntr on the leader reports peer_state leading - broadcast and 2 synced followers" "$mntr"
fi

python=""
for candidate in /usr/bin/python3 python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import kazoo' 2>/dev/null; then
    python="$candidate"
    break
  fi
done

# run_kazoo <phase> <hosts...>: runs a phase of kazoo_ensemble_checks.py and counts its lines
run_kazoo() {
  local out status kp kf
  out="$(timeout "$KAZOO_WAIT_S" "$python" "$here/kazoo_ensemble_checks.py" "$@" 2>"$work/kazoo.err")"
  status=$?
  printf '%s\n' "$out"
  kp="$(grep -c '^PASS: ' <<<"$out")"
  kf="$(grep -c '^FAIL: ' <<<"$out")"
  passed=$((passed + kp))
  failed=$((failed + kf))
  if [[ $status -ne 0 && $kf -eq 0 ]]; then
    fail "kazoo: the $1 checks ran to the end (exit status $status)" "$(tail -n 20 "$work/kazoo.err")"
  fi
}

if [[ -z $python ]]; then
  fail "kazoo: cannot run: no python3 with the kazoo module (install the Debian package python3-kazoo; .ci/run does)"
else
  run_kazoo serve "${hosts[@]}"
fi

cli=""
for candidate in cli_mt cli_st /usr/lib/zookeeper/bin/cli_mt /usr/lib/zookeeper/bin/cli_st; do
  if command -v "$candidate" >/dev/null; then
    cli="$(command -v "$candidate")"
    break
  fi
done
if [[ -z $cli ]]; then
  fail "C cli: cannot run: no cli_mt or cli_st (install the Debian package zookeeper-bin; .ci/run does)"
else
  for n in 1 2 3; do
    out="$(timeout "$CLI_WAIT_S" "$cli" -h "${hosts[n-1]}" -c "create /cli-via-$n" 2>&1)"
    if grep -q "^\[/cli-via-$n\]: rc = 0" <<<"$out"; then pass "C cli: create through server $n"; else
      fail "C cli: create through server $n" "$out"; fi
  done
  for n in 1 2 3; do
    out="$(timeout "$CLI_WAIT_S" "$cli" -h "${hosts[n-1]}" -c "ls /" 2>&1)"
    if grep -q "cli-via-1" <<<"$out" && grep -q "cli-via-2" <<<"$out" && grep -q "cli-via-3" <<<"$out"; then
      pass "C cli: server $n lists the nodes created through every server"
    else
      fail "C cli: server $n lists the nodes created through every server" "$out"
    fi
  done
fi

# ---- the leader dies
leader="$(leader_of 1 2 3)"
if [[ -z $leader ]]; then
  fail "a leader is known before the kill"
else
  others=()
  for n in 1 2 3; do [[ $n != "$leader" ]] && others+=("$n"); done
  kill -9 "$(server_pid "$leader")"
  killed_ms="$(date +%s%3N)"
  if modes="$(wait_for_modes "follower leader" "${others[@]}")"; then
    pass "after SIGKILL of leader $leader the others elect a new leader ($(($(date +%s%3N) - killed_ms)) ms)"
  else
    fail "after SIGKILL of leader $leader the others elect a new leader within ${ELECT_WAIT_S}s" "modes: $modes"
  fi
  if [[ -n $python ]]; then
    run_kazoo after-failover "${hosts[others[0]-1]}" "${hosts[others[1]-1]}"
  fi
  start_server "$leader"
  if modes="$(wait_for_modes "follower" "$leader")"; then
    pass "the killed server restarts and rejoins as a follower"
  else
    fail "the killed server restarts and rejoins as a follower within ${ELECT_WAIT_S}s" "mode: $modes"
  fi
  if [[ -n $python ]]; then
    out="$("$python" - "${hosts[leader-1]}" <<'PY' 2>&1
import sys
from kazoo.client import KazooClient
zk = KazooClient(hosts=sys.argv[1], timeout=10.0)
zk.start(timeout=20)
zk.sync("/ensemble-checks")
print(sorted(zk.get_children("/ensemble-checks")))
zk.stop()
PY
)"
    if [[ $out == "['after-failover', 'from-0', 'from-1', 'from-2']" ]]; then
      pass "kazoo: the rejoined server holds the writes made while it was down"
    else
      fail "kazoo: the rejoined server holds the writes made while it was down" "$out"
    fi
  fi
fi

if [[ $failed -gt 0 ]]; then
  for n in 1 2 3; do
    echo "server $n log (last 15 lines):"
    tail -n 15 "$install"/logs/$n/*.log 2>/dev/null | sed 's/^/    | /'
  done
fi
echo
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
