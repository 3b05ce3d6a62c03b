#!/usr/bin/env bash
# Prints `export JAVA_HOME=…` for a JDK 21+ when JAVA_HOME is unset or older (looks in /usr/lib/jvm).
set -euo pipefail
is_recent() { "$1/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; }
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && is_recent "$JAVA_HOME"; then
  exit 0
fi
found=""
for j in /usr/lib/jvm/*; do
  if [ -x "$j/bin/javac" ] && is_recent "$j"; then found="$j"; fi
done
if [ -z "$found" ]; then
  echo "[java] no JDK 21+ found: install one (e.g. Temurin 25) and set JAVA_HOME" >&2
  exit 1
fi
echo "export JAVA_HOME='$found'"
