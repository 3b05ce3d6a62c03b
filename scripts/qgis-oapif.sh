#!/usr/bin/env bash
# Shows that QGIS reads the app's OGC API - Features: starts the packaged app with the demo city on the embedded
# store (unless APP_URL names a running app), then runs scripts/qgis-oapif.py with QGIS's OAPIF provider under
# xvfb-run: each collection's feature count must equal the app's numberMatched, and the map is saved as a PNG.
# Needs Debian's qgis, python3-qgis and xvfb (apt-get install -y qgis python3-qgis xvfb); not part of the tests.
# Build first: ./mvnw -B -q package -pl planning-app -am -DskipTests (or name a packaged jar in APP_JAR)
# Usage: scripts/qgis-oapif.sh [out.png] [collection ...]   (default docs/qgis-oapif.png county township village)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/qgis-oapif.png}; shift || true
collections=("$@"); [ ${#collections[@]} -gt 0 ] || collections=(county township village)
auth_user=${QGIS_USER:-leader}; auth_password=${PLANNING_DEMO_PASSWORD:-yiyang2025}
if [ -z "${APP_URL:-}" ]; then
  eval "$(scripts/java-home.sh)"
  port=${QGIS_PORT:-18090}; work=$(mktemp -d)
  jar=${APP_JAR:-$(ls planning-app/target/planning-app-*-exec.jar | head -1)}
  PLANNING_DB_URL= PLANNING_DEMO_DATA=true PLANNING_ANALYSES_RUN_ON_START=false PLANNING_DATA_DIR="$work" PORT=$port \
    "$JAVA_HOME/bin/java" -jar "$jar" > "$work/app.log" 2>&1 &
  app=$!
  trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$work"' EXIT
  until grep -q "Ready: http" "$work/app.log"; do
    kill -0 $app 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
    sleep 1
  done
  APP_URL="http://localhost:$port"
fi
xvfb-run -a /usr/bin/python3 scripts/qgis-oapif.py "$APP_URL/ogc" "$auth_user" "$auth_password" \
  "$out" "${collections[@]}"
