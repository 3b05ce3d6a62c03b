#!/usr/bin/env bash
# Tile latency/throughput at z8/z12/z13/z15 for households and roads under 20 concurrent clients, beside
# the bare ST_AsMVT time of the same tiles, and the first full map render in headless Chromium, on the
# FULL synthetic city in PostGIS (database planning_bench on the server of PLANNING_TEST_DB_URL, filled
# on first run). Loopback only; bounded request counts. Results: bench/target/bench/tile-benchmark.md
# (the harness: bench/src/test/java/…/app/bench/TileBenchmark.java, a Spring Boot test of the bench module).
# Usage: bench/tile-benchmark.sh [requests-per-client-and-round]      (needs PostGIS, Chromium, chromedriver)
# TILE_BENCH_DB=name uses another database than planning_bench (e.g. a branch with its own migrations).
# TILE_BENCH_APART=1 puts the database on a core of its own, as on a server of its own: every PostgreSQL
# process of the local cluster is pinned to core 0 (taskset; root or the postgres user), the app, the load
# generator and Chromium run on the other cores; the old affinity is put back at the end. Needs 2+ cores.
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/java-home.sh)"
run=()
topology="app, load generator and database share all $(nproc) cores"
if [[ "${TILE_BENCH_APART:-}" == 1 ]]; then
  cores=$(nproc)
  if (( cores < 2 )); then echo "TILE_BENCH_APART needs at least 2 cores" >&2; exit 2; fi
  pids=$(pgrep -x postgres) || { echo "no local PostgreSQL process to pin" >&2; exit 2; }
  restore() { for p in $(pgrep -x postgres); do taskset -a -p -c "0-$((cores - 1))" "$p" >/dev/null 2>&1 || true; done; }
  trap restore EXIT
  for p in $pids; do taskset -a -p -c 0 "$p" >/dev/null; done
  run=(taskset -c "1-$((cores - 1))")
  topology="database apart: PostgreSQL pinned to core 0; app, load generator and Chromium on cores 1-$((cores - 1))"
fi
"${run[@]}" ./mvnw -B -q verify -pl bench -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=TileBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dtile.benchmark.requests="${1:-100}" -Dtile.benchmark.db="${TILE_BENCH_DB:-planning_bench}" \
  -Dtile.benchmark.topology="$topology"
cat bench/target/bench/tile-benchmark.md
