#!/usr/bin/env bash
# Tiles per second for 20 clients by the way they authenticate: a signed-in session, an API token (Bearer) and HTTP
# Basic, side by side, in turns (issue 17). Embedded store with the small demo city under bench/target/bench; needs
# Chromium and chromedriver (the session is signed in through the login page). Results:
# bench/target/bench/auth-tile-benchmark.md (harness: bench/src/test/java/…/app/bench/AuthTileBenchmark.java).
# Usage: bench/auth-tile-benchmark.sh [requests-per-client-and-round]
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/java-home.sh)"
./mvnw -B -q verify -pl bench -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=AuthTileBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dauth.benchmark.requests="${1:-200}"
cat bench/target/bench/auth-tile-benchmark.md
