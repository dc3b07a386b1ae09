# Helpers shared by the shell tests that drive the assembled distribution (sourced, not run).
# The sourcing script sets nothing beforehand; it reads $passed/$failed at the end.
# shellcheck shell=bash

passed=0
failed=0

pass() {
  passed=$((passed + 1))
  echo "PASS: $1"
}

# fail <description> [details]: details are printed indented under the failure.
fail() {
  failed=$((failed + 1))
  echo "FAIL: $1"
  if [[ -n ${2:-} ]]; then
    printf '%s\n' "$2" | sed 's/^/    | /'
  fi
}

# A loopback port nothing listens on (connect refused); bounded tries. It is drawn below Linux's ephemeral range
# (32768 and up), where outgoing connections take their local ports: such a port refuses connections, yet
# binding it fails with "Address already in use".
free_port() {
  local port tries
  for ((tries = 0; tries < 50; tries++)); do
    port=$((20000 + RANDOM % 12000))
    if ! timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

# stop_pid <pid>: TERM, up to 10 s for it to go, then KILL. Does nothing for a pid that is not running.
stop_pid() {
  local pid="$1"
  if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null
  fi
}
