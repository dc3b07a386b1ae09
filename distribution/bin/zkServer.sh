#!/usr/bin/env bash
# Starts, stops and queries a Menagerie server. Commands, messages and exit codes follow Apache ZooKeeper 3.9's
# bin/zkServer.sh, so that operators' habits and tooling carry over:
#
#   zkServer.sh [--config <conf dir>] {start|start-foreground|stop|restart|status|print-cmd|shell} [zoo.cfg]
#
# zoo.cfg defaults to $ZOOCFGDIR/zoo.cfg; a bare file name is looked up in $ZOOCFGDIR, a path is used as given.
# Environment: ZOOCFGDIR (default <installation>/conf), ZOO_LOG_DIR (default <installation>/logs), ZOO_LOG_FILE,
# ZOOPIDFILE (default <dataDir>/zookeeper_server.pid), JAVA_HOME (else java on PATH), JVMFLAGS, SERVER_JVMFLAGS
# (both word-split and appended after our flags, so a -D in them overrides ours), ZOO_STOP_TIMEOUT (seconds, 30),
# MENAGERIE_RUNTIME (osgi or modules, see below), ZOO_START_TIMEOUT (seconds, 30; how long start waits for the
# module path's server to say it started),
# and Apache's JMX variables JMXDISABLE, JMXPORT, JMXLOCALONLY, JMXAUTH, JMXSSL, JMXHOSTNAME (see below).
# $ZOOCFGDIR/zookeeper-env.sh and $ZOOCFGDIR/java.env are sourced when present, as Apache's scripts do.
#
# Java runs with the installation directory as its working directory: relative paths in zoo.cfg (dataDir=data)
# are resolved against it.
#
# start-foreground gives an interactive Gogo shell when stdin and stdout are a terminal; otherwise (and for
# start) Gogo runs with --nointeractive, because Gogo stops the framework when stdin reaches end of file.
# JVMFLAGS=-Dgosh.args=--nointeractive turns the shell off in the foreground too.
#
# MENAGERIE_RUNTIME picks the runtime: osgi (the default) runs lib/menagerie.jar, Felix with every bundle; modules runs
# the same bundle jars as named modules on the module path (lib/modules), without a framework: strategies are
# chosen by zoo.cfg at start only, and there is no hot swap, admin server, web console, JMX beans or Gogo shell
# (README, "Runtimes"). status asks the client port's srvr four-letter word in modules mode.
#
# shell attaches a Gogo shell to the running server (started either way): the server listens on a loopback port
# and writes the port and a token into <dataDir>/menagerie-shell (mode 600, so only its own user can attach).
# Commands are read from stdin line by line, so `echo menagerie:status | zkServer.sh shell` runs one; `exit` or the
# end of stdin detaches. JVMFLAGS=-Dmenagerie.shell.enabled=false turns the port off.

# ---------------------------------------------------------------- locations

script_path="${BASH_SOURCE[0]:-$0}"
if command -v readlink >/dev/null 2>&1 && readlink -f / >/dev/null 2>&1; then
  script_path="$(readlink -f "$script_path")"   # a symlink in /usr/local/bin still finds the installation
fi
MENAGERIE_HOME="$(cd "$(dirname "$script_path")/.." && pwd -P)"
SCRIPT="$0"

if [[ $# -gt 1 && $1 == "--config" ]]; then
  ZOOCFGDIR="$2"
  shift 2
fi
ZOOCFGDIR="${ZOOCFGDIR:-$MENAGERIE_HOME/conf}"

if [[ -f "$ZOOCFGDIR/zookeeper-env.sh" ]]; then
  # shellcheck disable=SC1091
  . "$ZOOCFGDIR/zookeeper-env.sh"
fi
if [[ -f "$ZOOCFGDIR/java.env" ]]; then
  # shellcheck disable=SC1091
  . "$ZOOCFGDIR/java.env"
fi

ZOO_LOG_DIR="${ZOO_LOG_DIR:-$MENAGERIE_HOME/logs}"

# shellcheck source=zkToolEnv.sh
. "$MENAGERIE_HOME/bin/zkToolEnv.sh"
find_java

RUNTIME_JAR="$MENAGERIE_HOME/lib/menagerie.jar"
MENAGERIE_RUNTIME="${MENAGERIE_RUNTIME:-osgi}"
MODULE_PATH="$MENAGERIE_HOME/lib/modules"
LAUNCHER_MODULE="dev.menagerie.launcher/dev.menagerie.launcher.impl.ModulePathMain"
case "$MENAGERIE_RUNTIME" in
  osgi | modules) ;;
  *)
    echo "Error: MENAGERIE_RUNTIME=$MENAGERIE_RUNTIME: expected osgi (the default) or modules" >&2
    exit 1
    ;;
esac
# The config bundle and the API it needs, as plain jars: `start` validates zoo.cfg with them before launching.
CHECK_CLASSPATH="$MENAGERIE_HOME/lib/dev.menagerie.config.jar:$MENAGERIE_HOME/lib/dev.menagerie.api.jar"
CHECK_MAIN="dev.menagerie.config.impl.ConfigCheck"

# ---------------------------------------------------------------- helpers

# An absolute form of a path given relative to the caller's working directory.
absolute_path() {
  local path="$1"
  if [[ $path == /* ]]; then
    printf '%s\n' "$path"
  else
    printf '%s\n' "$PWD/$path"
  fi
}

# The value of a zoo.cfg key: the last assignment wins, as in java.util.Properties; blanks and CR trimmed.
cfg_value() {
  local key="$1"
  [[ -r $ZOOCFG ]] || return 0
  awk -v key="$key" '
    { sub(/\r$/, "") }
    /^[[:space:]]*[#!]/ { next }
    {
      line = $0
      sub(/^[[:space:]]+/, "", line)
      split_at = index(line, "=")
      if (split_at == 0) next
      name = substr(line, 1, split_at - 1)
      sub(/[[:space:]]+$/, "", name)
      if (name != key) next
      value = substr(line, split_at + 1)
      sub(/^[[:space:]]+/, "", value)
      sub(/[[:space:]]+$/, "", value)
      found = value
    }
    END { if (found != "") print found }
  ' "$ZOOCFG"
}

# A path from zoo.cfg: relative ones are relative to the installation, the java process's working directory.
installation_path() {
  local path="$1"
  if [[ $path == /* ]]; then
    printf '%s\n' "$path"
  else
    printf '%s\n' "$MENAGERIE_HOME/$path"
  fi
}

# True when the pid names a live Menagerie JVM (not a recycled pid now used by something else).
is_server_process() {
  local pid="$1"
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r /proc/$pid/cmdline ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -e 'menagerie\.jar' -e 'dev\.menagerie\.launcher'
  fi
}

read_pid() {
  [[ -f $ZOOPIDFILE ]] && tr -d '[:space:]' <"$ZOOPIDFILE"
}

# Runs the config check without the OSGi runtime. Prints its error line; returns its exit status, or 0 when the
# check jars are not installed (the server then reports the same error itself and exits with status 2).
check_config() {
  [[ -f $MENAGERIE_HOME/lib/dev.menagerie.config.jar ]] || return 0
  local output status flag check_flags=()
  # Only the -D settings reach the check (zoo.cfg keys may fall back to them); agents, JMX ports and heap
  # sizes are for the server.
  for flag in "${jvm_flags[@]}"; do
    if [[ $flag == -D* && $flag != -Dcom.sun.management.* ]]; then
      check_flags+=("$flag")
    fi
  done
  output="$(cd "$MENAGERIE_HOME" && "$JAVA" "${check_flags[@]}" -cp "$CHECK_CLASSPATH" "$CHECK_MAIN" "$ZOOCFG" 2>&1 >/dev/null)"
  status=$?
  if [[ $status -ne 0 ]]; then
    printf '%s\n' "$output" | grep -v '^warning: \|^note: ' >&2
  fi
  return "$status"
}

# The first error the server wrote to its .out before dying, for a one-line FAILED TO START explanation.
first_error_in_out() {
  [[ -f $ZOO_DAEMON_OUT ]] || return 0
  grep -m 1 -E 'ERROR|Error|error:' "$ZOO_DAEMON_OUT"
}

# ---------------------------------------------------------------- settings shared by every command

command="${1:-}"

if [[ -n ${2:-} ]]; then
  if [[ $2 == */* ]]; then
    ZOOCFG="$2"
  else
    ZOOCFG="$ZOOCFGDIR/$2"
  fi
else
  ZOOCFG="$ZOOCFGDIR/zoo.cfg"
fi
ZOOCFG="$(absolute_path "$ZOOCFG")"
ZOOCFGDIR="$(absolute_path "$ZOOCFGDIR")"
ZOO_LOG_DIR="$(absolute_path "$ZOO_LOG_DIR")"

case "$command" in
  start | start-foreground | stop | restart | status | print-cmd | shell) ;;
  *)
    echo "Usage: $SCRIPT [--config <conf-dir>] {start|start-foreground|stop|restart|status|print-cmd|shell} [zoo.cfg]" >&2
    exit 0
    ;;
esac

echo "Using config: $ZOOCFG" >&2
if [[ ! -r $ZOOCFG ]]; then
  echo "Error: cannot read the config file $ZOOCFG" >&2
  exit 1
fi

ZOO_DATADIR="$(cfg_value dataDir)"
if [[ -n $ZOO_DATADIR ]]; then
  ZOO_DATADIR="$(installation_path "$ZOO_DATADIR")"
fi
if [[ -z ${ZOOPIDFILE:-} ]]; then
  ZOOPIDFILE="${ZOO_DATADIR:-$MENAGERIE_HOME/data}/zookeeper_server.pid"
else
  ZOOPIDFILE="$(absolute_path "$ZOOPIDFILE")"
fi

ZOO_USER="${USER:-$(id -un 2>/dev/null || echo unknown)}"
ZOO_HOST="${HOSTNAME:-$(hostname 2>/dev/null || echo localhost)}"
ZOO_LOG_FILE="${ZOO_LOG_FILE:-zookeeper-$ZOO_USER-server-$ZOO_HOST.log}"
ZOO_DAEMON_OUT="$ZOO_LOG_DIR/zookeeper-$ZOO_USER-server-$ZOO_HOST.out"

# Remote JMX, with Apache's variables and defaults: JMXDISABLE (anything but false leaves the JMX agent off; the
# dev.menagerie.jmx bundle still registers its MBeans for in-process and attach clients), JMXPORT (unset: local
# connections only), JMXLOCALONLY (false), JMXAUTH (false), JMXSSL (false), JMXHOSTNAME (java.rmi.server.hostname).
# Sets jmx_flags and reports the settings on stderr as Apache's script does; the commands that launch Java call it
# (start before its "Starting zookeeper ..." line, start-foreground once the configuration passed its check).
jmx_flags=()
jmx_settings() {
  jmx_flags=()
  if [[ -z ${JMXDISABLE:-} || ${JMXDISABLE} == "false" ]]; then
    echo "ZooKeeper JMX enabled by default" >&2
    if [[ -z ${JMXPORT:-} ]]; then
      jmx_flags=("-Dcom.sun.management.jmxremote" "-Dcom.sun.management.jmxremote.local.only=${JMXLOCALONLY:-false}")
    else
      echo "ZooKeeper remote JMX Port set to $JMXPORT" >&2
      echo "ZooKeeper remote JMX authenticate set to ${JMXAUTH:-false}" >&2
      echo "ZooKeeper remote JMX ssl set to ${JMXSSL:-false}" >&2
      jmx_flags=("-Dcom.sun.management.jmxremote")
      if [[ -n ${JMXHOSTNAME:-} ]]; then
        echo "ZooKeeper remote JMX Hostname set to $JMXHOSTNAME" >&2
        jmx_flags+=("-Djava.rmi.server.hostname=$JMXHOSTNAME")
      fi
      jmx_flags+=("-Dcom.sun.management.jmxremote.port=$JMXPORT"
        "-Dcom.sun.management.jmxremote.authenticate=${JMXAUTH:-false}"
        "-Dcom.sun.management.jmxremote.ssl=${JMXSSL:-false}")
    fi
  else
    echo "JMX disabled by user request" >&2
  fi
}

# JVMFLAGS and SERVER_JVMFLAGS are word-split like Apache's (no quoting inside them); globbing stays off.
set -f
# shellcheck disable=SC2206
jvm_flags=(${JVMFLAGS:-} ${SERVER_JVMFLAGS:-})
set +f

# The java command line; $1 is the gosh.args value ("" for an interactive shell; the module path has no shell).
build_server_command() {
  local gosh_args="$1"
  server_command=("$JAVA")
  if [[ $MENAGERIE_RUNTIME == osgi ]]; then
    server_command+=("-Dmenagerie.config=$ZOOCFG" "-Dmenagerie.exitOnConfigError=true")
    if [[ -n $gosh_args ]]; then
      server_command+=("-Dgosh.args=$gosh_args")
    fi
  fi
  server_command+=(
    "-Dzookeeper.log.dir=$ZOO_LOG_DIR"
    "-Dzookeeper.log.file=$ZOO_LOG_FILE")
  if [[ -f $ZOOCFGDIR/logback.xml ]]; then
    server_command+=("-Dlogback.configurationFile=$ZOOCFGDIR/logback.xml")
  fi
  if [[ $MENAGERIE_RUNTIME == osgi ]]; then
    server_command+=("-Dfelix.fileinstall.dir=$MENAGERIE_HOME/deploy")
  fi
  server_command+=(
    "-XX:+HeapDumpOnOutOfMemoryError" "-XX:OnOutOfMemoryError=kill -9 %p"
    "${jmx_flags[@]}"
    "${jvm_flags[@]}")
  if [[ $MENAGERIE_RUNTIME == osgi ]]; then
    server_command+=(-jar "$RUNTIME_JAR")
  else
    server_command+=(-p "$MODULE_PATH" -m "$LAUNCHER_MODULE" "$ZOOCFG")
  fi
}

# ---------------------------------------------------------------- commands

start_daemon() {
  jmx_settings
  echo -n "Starting zookeeper ... "
  local pid
  pid="$(read_pid)"
  if [[ -n $pid ]] && is_server_process "$pid"; then
    echo "already running as process $pid."
    exit 1
  fi
  if ! check_config; then
    echo "FAILED TO START"
    exit 1
  fi
  mkdir -p "$ZOO_LOG_DIR" "$(dirname "$ZOOPIDFILE")" || { echo "FAILED TO START"; exit 1; }
  build_server_command "--nointeractive"
  cd "$MENAGERIE_HOME" || { echo "FAILED TO START"; exit 1; }
  nohup "${server_command[@]}" >"$ZOO_DAEMON_OUT" 2>&1 </dev/null &
  pid=$!
  if ! echo -n "$pid" >"$ZOOPIDFILE"; then
    echo "FAILED TO WRITE PID"
    exit 1
  fi
  # Like Apache's script, give the JVM a moment and report a process that died at once (bounded: ~2 s). The module
  # path's launcher exits on a refused key or a missing strategy instead of waiting as the OSGi runtime does, so
  # there the script waits for its "started on the module path" line or its exit (bounded: ZOO_START_TIMEOUT s, 30).
  local checks max_checks=10
  if [[ $MENAGERIE_RUNTIME == modules ]]; then
    max_checks=$((${ZOO_START_TIMEOUT:-30} * 5))
  fi
  for ((checks = 0; checks < max_checks; checks++)); do
    sleep 0.2
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "FAILED TO START"
      first_error_in_out >&2
      rm -f "$ZOOPIDFILE"
      exit 1
    fi
    if [[ $MENAGERIE_RUNTIME == modules ]] && grep -q 'started on the module path' "$ZOO_DAEMON_OUT" 2>/dev/null; then
      break
    fi
  done
  echo STARTED
}

start_foreground() {
  check_config
  local status=$?
  if [[ $status -ne 0 ]]; then
    exit "$status"
  fi
  mkdir -p "$ZOO_LOG_DIR"
  jmx_settings
  local gosh_args="--nointeractive"
  if [[ -t 0 && -t 1 ]]; then
    gosh_args=""
  fi
  build_server_command "$gosh_args"
  cd "$MENAGERIE_HOME" || exit 1
  if [[ -n ${ZOO_NOEXEC:-} ]]; then
    "${server_command[@]}"
    exit $?
  fi
  exec "${server_command[@]}"
}

stop_daemon() {
  echo -n "Stopping zookeeper ... "
  if [[ ! -f $ZOOPIDFILE ]]; then
    echo "no zookeeper to stop (could not find file $ZOOPIDFILE)"
    exit 0
  fi
  local pid
  pid="$(read_pid)"
  if ! is_server_process "$pid"; then
    rm -f "$ZOOPIDFILE"
    echo "no zookeeper to stop (process ${pid:-?} is not running; removed stale $ZOOPIDFILE)"
    exit 0
  fi
  kill "$pid"
  local timeout_s="${ZOO_STOP_TIMEOUT:-30}" waited_ticks=0
  while kill -0 "$pid" 2>/dev/null; do
    if ((waited_ticks >= timeout_s * 5)); then
      echo "FAILED: process $pid is still running ${timeout_s} s after TERM"
      exit 1
    fi
    sleep 0.2
    waited_ticks=$((waited_ticks + 1))
  done
  rm -f "$ZOOPIDFILE"
  echo STOPPED
  exit 0
}

# One HTTP GET to the admin server through bash's /dev/tcp (curl may be missing); bounded by `timeout`.
http_get() {
  local host="$1" port="$2" path="$3"
  # shellcheck disable=SC2016 # the inner script reads its arguments, not our variables
  timeout 5 bash -c '
    exec 3<>"/dev/tcp/$0/$1" || exit 1
    printf "GET %s HTTP/1.0\r\nHost: %s:%s\r\nConnection: close\r\n\r\n" "$2" "$0" "$1" >&3
    cat <&3
  ' "$host" "$port" "$path" 2>/dev/null
}

# A scalar field of the flat runtime_status JSON object: a number or a string.
json_scalar() {
  local json="$1" key="$2"
  printf '%s' "$json" | tr -d '\r\n' |
    sed -n -E 's/.*"'"$key"'"[[:space:]]*:[[:space:]]*("([^"\\]|\\.)*"|-?[0-9]+|true|false|null).*/\1/p' |
    sed -E 's/^"(.*)"$/\1/'
}

# The strings of an array field, one per line (JSON escapes for quote and backslash undone).
json_string_array() {
  local json="$1" key="$2"
  printf '%s' "$json" | tr -d '\r\n' | awk -v key="\"$key\"" '
    {
      start = index($0, key)
      if (start == 0) exit
      rest = substr($0, start + length(key))
      open = index(rest, "[")
      if (open == 0) exit
      in_string = 0; escaped = 0; item = ""
      for (i = open + 1; i <= length(rest); i++) {
        c = substr(rest, i, 1)
        if (in_string) {
          if (escaped) { item = item c; escaped = 0 }
          else if (c == "\\") { escaped = 1 }
          else if (c == "\"") { print item; item = ""; in_string = 0 }
          else { item = item c }
        } else if (c == "\"") { in_string = 1 }
        else if (c == "]") { exit }
      }
    }'
}

# The answer to a four-letter word on the client port of $ZOOCFG, bounded by `timeout`.
client_four_letter_word() {
  local host port
  port="$(cfg_value clientPort)"
  host="$(cfg_value clientPortAddress)"
  case "$host" in "" | 0.0.0.0 | "::" | "[::]") host=127.0.0.1 ;; esac
  [[ -n $port ]] || return 1
  # shellcheck disable=SC2016 # the inner script reads its arguments, not our variables
  timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1" || exit 1; printf "%s" "$2" >&3; cat <&3' \
    "$host" "$port" "$1" 2>/dev/null
}

status_server() {
  local pid
  pid="$(read_pid)"
  if [[ -z $pid ]] || ! is_server_process "$pid"; then
    echo "Error contacting service. It is probably not running."
    exit 1
  fi
  if [[ $MENAGERIE_RUNTIME == modules ]]; then
    status_modules "$pid"
  fi
  if [[ "$(cfg_value admin.enableServer)" == "false" ]]; then
    echo "The admin server is disabled (admin.enableServer=false): process $pid is running, status unknown."
    exit 1
  fi
  local port host
  port="$(cfg_value admin.serverPort)"
  port="${port:-8080}"
  host="$(cfg_value admin.serverAddress)"
  case "$host" in "" | 0.0.0.0 | "::" | "[::]") host=127.0.0.1 ;; esac
  local response body
  response="$(http_get "$host" "$port" /commands/runtime_status)"
  if [[ ! $response =~ ^HTTP/[0-9.]+\ 200 ]]; then
    echo "Process $pid is running, but the admin server at $host:$port did not answer runtime_status."
    echo "Error contacting service. It is probably not running."
    exit 1
  fi
  body="${response#*$'\r\n\r\n'}"
  local mode active total inactive unsatisfied waiting
  mode="$(json_scalar "$body" mode)"
  active="$(json_scalar "$body" bundles_active)"
  total="$(json_scalar "$body" bundles_total)"
  inactive="$(json_string_array "$body" inactive_bundles)"
  unsatisfied="$(json_string_array "$body" unsatisfied_components)"
  local healthy=1
  if [[ $mode == quorum ]]; then
    # As Apache's script does: the role comes from the srvr four-letter word on the client port.
    local srvr role
    srvr="$(client_four_letter_word srvr)"
    role="$(printf '%s\n' "$srvr" | sed -n 's/^Mode: //p')"
    if [[ -n $role ]]; then
      mode="$role"
    else
      healthy=0
      mode="quorum member, not serving (srvr: $(printf '%s' "${srvr:-no answer}" | head -n 1))"
    fi
  fi
  echo "Mode: ${mode:-unknown}"
  echo "Bundles: ${active:-?} of ${total:-?} active"
  if [[ -z $active || $active != "$total" || -n $inactive ]]; then
    healthy=0
    if [[ -n $inactive ]]; then
      echo "Inactive bundles:"
      printf '%s\n' "$inactive" | sed 's/^/  /'
    fi
  fi
  if [[ -n $unsatisfied ]]; then
    healthy=0
    echo "Unsatisfied components:"
    printf '%s\n' "$unsatisfied" | sed 's/^/  /'
  fi
  # A role whose zoo.cfg type no installed bundle provides: the server waits for one.
  local missing
  missing="$(json_string_array "$body" missing_strategies)"
  if [[ -n $missing ]]; then
    healthy=0
    echo "Missing strategies:"
    printf '%s\n' "$missing" | sed 's/^/  /'
  fi
  # Components merely waiting for their configuration are shown, not counted as failures.
  waiting="$(json_string_array "$body" waiting_components)"
  if [[ -n $waiting ]]; then
    echo "Waiting components:"
    printf '%s\n' "$waiting" | sed 's/^/  /'
  fi
  [[ $healthy -eq 1 ]] && exit 0
  exit 1
}

# The module path has no admin server: the role comes from the srvr four-letter word on the client port, as in
# Apache's script. Exits 0 when the server serves.
status_modules() {
  local pid="$1" srvr mode
  srvr="$(client_four_letter_word srvr)"
  mode="$(printf '%s\n' "$srvr" | sed -n 's/^Mode: //p')"
  echo "Runtime: modules (process $pid)"
  if [[ -n $mode ]]; then
    echo "Mode: $mode"
    exit 0
  fi
  echo "Mode: not serving (srvr: $(printf '%s' "${srvr:-no answer}" | head -n 1))"
  exit 1
}

# Attaches stdin and stdout to the server's shell port (see the header); exit status 1 when it cannot attach.
attach_shell() {
  if [[ $MENAGERIE_RUNTIME == modules ]]; then
    echo "Error: MENAGERIE_RUNTIME=modules runs no Gogo shell; start the server with MENAGERIE_RUNTIME=osgi" >&2
    exit 1
  fi
  local ticket="${ZOO_DATADIR:-$MENAGERIE_HOME/data}/menagerie-shell"
  if [[ ! -e $ticket ]]; then
    echo "Error: no shell ticket $ticket: is the server running (zkServer.sh status)?" >&2
    exit 1
  fi
  if [[ ! -r $ticket ]]; then
    echo "Error: cannot read $ticket: attach as the user the server runs as" >&2
    exit 1
  fi
  local port token
  port="$(sed -n 's/^port=//p' "$ticket")"
  token="$(sed -n 's/^token=//p' "$ticket")"
  if ! { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
    echo "Error: the shell port 127.0.0.1:$port named in $ticket does not answer: is the server running?" >&2
    exit 1
  fi
  if [[ -t 0 ]]; then
    echo "Attached to the Menagerie shell: menagerie:usage lists the server's commands, help all, exit detaches." >&2
  fi
  # A background job's stdin is /dev/null unless redirected: hand it ours through fd 4.
  exec 4<&0
  { printf '%s\n' "$token"; cat <&4; printf 'exit\n'; } >&3 &
  local writer=$!
  cat <&3
  kill "$writer" 2>/dev/null
  exec 3>&- 4<&-
  exit 0
}

print_command() {
  jmx_settings
  build_server_command "--nointeractive"
  local quoted
  printf -v quoted '%q ' "${server_command[@]}"
  printf 'cd %q && %s>%q 2>&1 </dev/null\n' "$MENAGERIE_HOME" "$quoted" "$ZOO_DAEMON_OUT"
}

case "$command" in
  start) start_daemon ;;
  start-foreground) start_foreground ;;
  stop) stop_daemon ;;
  restart)
    # Each half runs as its own invocation, like Apache's; stop waits for the old JVM to exit.
    export ZOOCFGDIR MENAGERIE_RUNTIME
    "$script_path" stop "$ZOOCFG"
    exec "$script_path" start "$ZOOCFG"
    ;;
  status) status_server ;;
  print-cmd) print_command ;;
  shell) attach_shell ;;
esac
