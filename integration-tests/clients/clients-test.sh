#!/usr/bin/env bash
# Foreign ZooKeeper clients against the assembled distribution (distribution/target/menagerie, or
# $MENAGERIE_HOME); builds nothing. Starts a standalone server with bin/zkServer.sh on free loopback ports and a
# zoo.cfg in a temporary folder, then checks it with:
#   - kazoo, Python's client (Debian package python3-kazoo): see kazoo_checks.py next to this script;
#   - the C client's command-line shell cli_mt/cli_st (Debian package zookeeper-bin), in batch mode (-c);
#   - four-letter words over a plain TCP connection (bash /dev/tcp).
# A client whose package is missing is a failure that names the package to install (never a silent skip). Every
# wait is bounded; the server is stopped on exit whatever happens. Prints "N passed, M failed"; exits 1 on any failure.

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MENAGERIE_HOME="${MENAGERIE_HOME:-$here/../../distribution/target/menagerie}"
MENAGERIE_HOME="$(cd "$MENAGERIE_HOME" 2>/dev/null && pwd)" || {
  echo "no installation at ${MENAGERIE_HOME}: build it first (cd distribution && mvn install)" >&2
  exit 1
}
SCRIPT="$MENAGERIE_HOME/bin/zkServer.sh"
# shellcheck source=/dev/null
source "$here/../../distribution/src/test/sh/test-lib.sh"
START_WAIT_S="${START_WAIT_S:-90}"    # a loaded 2-core machine may take a while to start every bundle
KAZOO_WAIT_S="${KAZOO_WAIT_S:-180}"   # the whole kazoo run; each of its own waits is bounded too
CLI_WAIT_S="${CLI_WAIT_S:-20}"        # one cli_mt command
WORD_WAIT_S="${WORD_WAIT_S:-5}"       # one four-letter word

work="$(mktemp -d "${TMPDIR:-/tmp}/menagerie-clients-test.XXXXXX")"
unset ZOOCFGDIR ZOOPIDFILE JVMFLAGS SERVER_JVMFLAGS
export ZOO_LOG_DIR="$work/logs"


cleanup() {
  local pid_file="$work/data/zookeeper_server.pid" pid
  if [[ -f $pid_file ]]; then
    pid="$(cat "$pid_file")"
    timeout 60 "$SCRIPT" stop "$cfg" >/dev/null 2>&1
    stop_pid "$pid"
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# four_letter_word <word>: what the server answers on the client port, within WORD_WAIT_S.
four_letter_word() {
  timeout "$WORD_WAIT_S" bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" && printf "%s" "$2" >&3 && cat <&3' _ \
    "$client_port" "$1" 2>/dev/null
}

client_port="$(free_port)"
admin_port="$(free_port)"
while [[ $admin_port == "$client_port" ]]; do admin_port="$(free_port)"; done
hosts="127.0.0.1:$client_port"

cfg="$work/zoo.cfg"
cat >"$cfg" <<EOF
tickTime=2000
dataDir=$work/data
clientPort=$client_port
clientPortAddress=127.0.0.1
admin.serverAddress=127.0.0.1
admin.serverPort=$admin_port
4lw.commands.whitelist=srvr,ruok
EOF

echo "installation: $MENAGERIE_HOME"
echo "ports: client $client_port, admin $admin_port"

# ---- start, and wait until the client port answers
start_output="$("$SCRIPT" start "$cfg" 2>&1)"
if [[ $? -ne 0 ]]; then
  fail "the server starts" "$start_output"
  echo
  echo "$passed passed, $failed failed"
  exit 1
fi
started_ms="$(date +%s%3N)"
ready=0
deadline=$((SECONDS + START_WAIT_S))
while ((SECONDS < deadline)); do
  if [[ "$(four_letter_word ruok)" == "imok" ]]; then
    ready=1
    break
  fi
  sleep 0.5
done
if [[ $ready -ne 1 ]]; then
  fail "the server answers ruok within ${START_WAIT_S}s of start" \
    "$(tail -n 30 "$ZOO_LOG_DIR"/*.out 2>/dev/null)"
  echo
  echo "$passed passed, $failed failed"
  exit 1
fi
echo "client port ready $(($(date +%s%3N) - started_ms)) ms after start"

# ---- four-letter words
answer="$(four_letter_word ruok)"
if [[ $answer == "imok" ]]; then pass "4lw: ruok answers imok"; else fail "4lw: ruok answers imok" "$answer"; fi
answer="$(four_letter_word srvr)"
if grep -q "^Mode: standalone$" <<<"$answer" && grep -q "^Zookeeper version: " <<<"$answer"; then
  pass "4lw: srvr reports the version and Mode: standalone"
else
  fail "4lw: srvr reports the version and Mode: standalone" "$answer"
fi
answer="$(four_letter_word stat)"
if [[ $answer == "stat is not executed because it is not in the whitelist." ]]; then
  pass "4lw: a word outside 4lw.commands.whitelist gets Apache's refusal"
else
  fail "4lw: a word outside 4lw.commands.whitelist gets Apache's refusal" "$answer"
fi

# ---- kazoo (Python)
python=""
for candidate in /usr/bin/python3 python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import kazoo' 2>/dev/null; then
    python="$candidate"
    break
  fi
done
if [[ -z $python ]]; then
  fail "kazoo: cannot run: no python3 with the kazoo module (install the Debian package python3-kazoo; .ci/run does)"
else
  kazoo_out="$(timeout "$KAZOO_WAIT_S" "$python" "$here/kazoo_checks.py" "$hosts" 2>"$work/kazoo.err")"
  kazoo_status=$?
  printf '%s\n' "$kazoo_out"
  kazoo_passed="$(grep -c '^PASS: ' <<<"$kazoo_out")"
  kazoo_failed="$(grep -c '^FAIL: ' <<<"$kazoo_out")"
  passed=$((passed + kazoo_passed))
  failed=$((failed + kazoo_failed))
  if [[ $kazoo_status -ne 0 && $kazoo_failed -eq 0 ]]; then
    fail "kazoo: the checks ran to the end (exit status $kazoo_status)" "$(tail -n 20 "$work/kazoo.err")"
  elif [[ $kazoo_failed -gt 0 ]]; then
    echo "kazoo's log:"
    tail -n 20 "$work/kazoo.err" | sed 's/^/    | /'
  fi
fi

# ---- the C client's shell, in batch mode: one command per connection
cli=""
for candidate in cli_mt cli_st /usr/lib/zookeeper/bin/cli_mt /usr/lib/zookeeper/bin/cli_st; do
  if command -v "$candidate" >/dev/null; then
    cli="$(command -v "$candidate")"
    break
  fi
done

# cli_check <description> <command> <basic regular expression...>: passes when every expression matches a line
cli_check() {
  local description="$1" command="$2" output pattern
  shift 2
  output="$(timeout "$CLI_WAIT_S" "$cli" -h "$hosts" -c "$command" 2>&1)"
  for pattern in "$@"; do
    if ! grep -q -- "$pattern" <<<"$output"; then
      fail "C cli: $description" "\$ $(basename "$cli") -c '$command'"$'\n'"$output"
      return
    fi
  done
  pass "C cli: $description"
}

# cli_check_absent <description> <command> <basic regular expression>: passes when no line matches
cli_check_absent() {
  local description="$1" command="$2" pattern="$3" output
  output="$(timeout "$CLI_WAIT_S" "$cli" -h "$hosts" -c "$command" 2>&1)"
  if grep -q "rc = 0" <<<"$output" && ! grep -q -- "$pattern" <<<"$output"; then
    pass "C cli: $description"
  else
    fail "C cli: $description" "\$ $(basename "$cli") -c '$command'"$'\n'"$output"
  fi
}

if [[ -z $cli ]]; then
  fail "C cli: cannot run: no cli_mt or cli_st (install the Debian package zookeeper-bin; .ci/run does)"
else
  echo "C client shell: $cli"
  # the shell's create gives every node the data "new"
  cli_check "create makes a node" "create /cli-test" "^\[/cli-test\]: rc = 0" "name = /cli-test"
  cli_check "get returns its data and version 0" "get /cli-test" "^/cli-test: rc = 0" "^new$" "version=0"
  cli_check "ls / lists it next to /zookeeper" "ls /" "^/: rc = 0" "^[[:space:]]cli-test$" "^[[:space:]]zookeeper$"
  cli_check "set changes the data and bumps the version" "set /cli-test world" "^/cli-test: rc = 0" "version=1"
  cli_check "get returns the new data" "get /cli-test" "^/cli-test: rc = 0" "^world$" "version=1"
  cli_check "create +e makes an ephemeral node" "create +e /cli-ephemeral" "^\[/cli-ephemeral\]: rc = 0"
  cli_check_absent "the ephemeral node went with the shell's session" "ls /" "cli-ephemeral"
  cli_check "delete removes the node" "delete /cli-test" "^/cli-test: rc = 0"
  cli_check "get of the deleted node reports ZNONODE (-101)" "get /cli-test" "^/cli-test: rc = -101"
fi

if [[ $failed -gt 0 ]]; then
  echo "server log (last 30 lines):"
  tail -n 30 "$ZOO_LOG_DIR"/*.log 2>/dev/null | sed 's/^/    | /'
fi
echo
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
