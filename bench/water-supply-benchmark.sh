#!/usr/bin/env bash
# Water supply on the FULL synthetic city: a run's computation (read + analysis, with and without the suggested sites)
# on PostGIS and on the embedded H2GIS store, beside the coverage counts in PostGIS SQL (ST_Covers on the service
# areas, ST_DWithin on geography for the mains, GiST indexes), in the same run; checks the counts are identical (city
# and per county); then one whole run through the AnalysisRunner on each store (read, compute, store). Uses database
# planning_access_bench on the server of PLANNING_TEST_DB_URL and bench/target/bench/h2-full (the road-access
# benchmark's), filled on first use (a few minutes). Results: bench/target/bench/water-supply-benchmark.md (the
# harness: bench/src/test/java/…/app/water/WaterSupplyBenchmark.java)
# Usage: bench/water-supply-benchmark.sh [rounds]      (needs PostGIS: scripts/provision.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/java-home.sh)"
./mvnw -B -q verify -pl bench -am -DskipMapClient -Dtest=WaterSupplyBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NONE -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dwater.benchmark.rounds="${1:-3}"
cat bench/target/bench/water-supply-benchmark.md
