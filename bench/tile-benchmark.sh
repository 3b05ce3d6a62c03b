#!/usr/bin/env bash
# Tile latency/throughput at z8/z12/z13/z15 for households and roads under 20 concurrent clients, beside
# the bare ST_AsMVT time of the same tiles, and the first full map render in headless Chromium, on the
# FULL synthetic city in PostGIS (database planning_bench on the server of PLANNING_TEST_DB_URL, filled
# on first run). Loopback only; bounded request counts. Results: planning-app/target/bench/tile-benchmark.md
# Usage: bench/tile-benchmark.sh [requests-per-client-and-round]      (needs PostGIS, Chromium, chromedriver)
# TILE_BENCH_DB=name uses another database than planning_bench (e.g. a branch with its own migrations).
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/java-home.sh)"
./mvnw -B -q verify -pl planning-app -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=TileBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dtile.benchmark.requests="${1:-100}" -Dtile.benchmark.db="${TILE_BENCH_DB:-planning_bench}"
cat planning-app/target/bench/tile-benchmark.md
