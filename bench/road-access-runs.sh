#!/usr/bin/env bash
# Road access: consecutive whole runs (start to succeeded, results stored) on one open store, as a server that is
# never restarted makes them: PostGIS (database planning_access_bench) and an embedded H2GIS file filled fresh with
# the FULL synthetic city (bench/target/bench/h2-runs, refilled on every call: a few minutes), with the embedded
# file's size after each run. Results: bench/target/bench/road-access-runs.md
# (the harness: bench/src/test/java/…/app/access/RoadAccessRunsBenchmark.java)
# Usage: bench/road-access-runs.sh [runs] [-D…]   (needs PostGIS: scripts/provision.sh; default 20 runs)
#   -Druns.stores=h2               the embedded store only
#   -Druns.template=/tmp/city.mv.db  copy this filled file instead of filling the city (made there if missing)
#   -Druns.urlSuffix=';COMPRESS=TRUE' H2 settings added to the embedded store's URL for the runs
#   -Druns.pauseSeconds=60          the embedded store left idle this long before each later run
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/java-home.sh)"
./mvnw -B -q verify -pl bench -am -DskipMapClient -Dtest=RoadAccessRunsBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NONE -Dfailsafe.failIfNoSpecifiedTests=false \
  -Druns.count="${1:-20}" "${@:2}"
cat bench/target/bench/road-access-runs.md
