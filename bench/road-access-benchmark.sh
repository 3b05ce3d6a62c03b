#!/usr/bin/env bash
# Road access on the FULL synthetic city: Java (read + analysis) on PostGIS and on the embedded H2GIS store, beside
# the same indicators in PostGIS SQL (ST_ClusterDBSCAN network, ST_DWithin on geography with GiST indexes), in the
# same run; checks the counts are identical. Fills database planning_access_bench on the server of
# PLANNING_TEST_DB_URL and bench/target/bench/h2-full on first use (a few minutes). Results:
# bench/target/bench/road-access-benchmark.md (the harness: bench/src/test/java/…/app/access/RoadAccessBenchmark.java)
# Usage: bench/road-access-benchmark.sh [rounds]      (needs PostGIS: scripts/provision.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/java-home.sh)"
./mvnw -B -q verify -pl bench -am -DskipMapClient -Dtest=RoadAccessBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NONE -Dfailsafe.failIfNoSpecifiedTests=false \
  -Daccess.benchmark.rounds="${1:-3}"
cat bench/target/bench/road-access-benchmark.md
