#!/usr/bin/env bash
# Sourced by the scripts in bin/: find_java sets JAVA from JAVA_HOME or the PATH; run_tool runs a data tool's main
# class (zkSnapShotToolkit.sh, ...) with the storage bundle of this installation as a plain jar on the class path.
TOOLS_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

find_java() {
  if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
    JAVA="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    JAVA="java"
  else
    echo "Error: JAVA_HOME is not set and java could not be found in PATH." >&2
    exit 1
  fi
}

# run_tool <main class> <arguments...>: replaces the shell with the tool; JVMFLAGS is passed on as in Apache.
run_tool() {
  local main="$1"
  shift
  find_java
  # shellcheck disable=SC2086 # JVMFLAGS holds several flags, split on purpose as Apache's scripts do
  exec "$JAVA" ${JVMFLAGS:-} -cp "$TOOLS_HOME/lib/dev.menagerie.storage.file.jar" "$main" "$@"
}
