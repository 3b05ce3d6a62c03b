#!/usr/bin/env bash
# Where the CPU of a tile request goes: the tile benchmark for one row (default road/15, the lightest
# tiles), 10 rounds of SQL then HTTP, under a system-wide `perf record`; then CPU per request by kind of
# thread (PostgreSQL, the app's Tomcat threads, the load generator, JIT, GC) for the SQL and the HTTP runs,
# from the 5th round on (bench/profile/tile_phases.py). Needs root or perf_event_paranoid <= 0, perf,
# python3, and what bench/tile-benchmark.sh needs. perf adds its own cost: compare the two columns, not
# these figures with the benchmark's.
# Usage: bench/tile-profile.sh [row, e.g. household/15]   Results: bench/target/bench/tile-profile.md
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/java-home.sh)"
row="${1:-road/15}"
out=bench/target/bench
mkdir -p "$out"
rm -f "$out/phases.log"
perf record -q -a -F 499 -k CLOCK_MONOTONIC -o "$out/tile-profile.perf" -- \
  ./mvnw -B -q verify -pl bench -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=TileBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dtile.benchmark.requests=300 -Dtile.benchmark.rounds=10 -Dtile.benchmark.rows="$row" \
  -Dtile.benchmark.phases="$PWD/$out/phases.log" -Dtile.benchmark.db="${TILE_BENCH_DB:-planning_bench}" >/dev/null
python3 bench/profile/tile_phases.py "$out/tile-profile.perf" "$out/phases.log" 499 8 | tee "$out/tile-profile.md"
