#!/usr/bin/env bash
# Cold chain and courier on the FULL synthetic city: Java (read + coverage + the location-allocation for every gap) on
# PostGIS and on the embedded H2GIS store, beside the same coverage counts in PostGIS SQL (ST_Covers), in the same run;
# checks the counts are identical. Uses (and fills on first use, a few minutes) database planning_access_bench on the
# server of PLANNING_TEST_DB_URL and bench/target/bench/h2-full, the stores of the road-access benchmark. Results:
# bench/target/bench/cold-chain-benchmark.md (the harness: bench/src/test/java/…/app/logistics/LogisticsBenchmark.java)
# Usage: bench/cold-chain-benchmark.sh [rounds]      (needs PostGIS: scripts/provision.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/java-home.sh)"
./mvnw -B -q verify -pl bench -am -DskipMapClient -Dtest=LogisticsBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NONE -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dlogistics.benchmark.rounds="${1:-3}"
cat bench/target/bench/cold-chain-benchmark.md
