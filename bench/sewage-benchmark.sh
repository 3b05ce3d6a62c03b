#!/usr/bin/env bash
# Sewage and sanitation on the FULL synthetic city: Java (read + analyses) on PostGIS and on the embedded H2GIS store,
# beside the coverage counts in PostGIS SQL (ST_Covers with GiST indexes), in the same run; checks the counts are
# identical and the two stores agree. Uses database planning_access_bench on the server of PLANNING_TEST_DB_URL and
# bench/target/bench/h2-full (shared with the road-access benchmark; filled on first use, a few minutes). Results:
# bench/target/bench/sewage-benchmark.md (the harness: bench/src/test/java/…/app/sewage/SewageBenchmark.java)
# Usage: bench/sewage-benchmark.sh [rounds]      (needs PostGIS: scripts/provision.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/java-home.sh)"
./mvnw -B -q verify -pl bench -am -DskipMapClient -Dtest=SewageBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NONE -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dsewage.benchmark.rounds="${1:-3}"
cat bench/target/bench/sewage-benchmark.md
