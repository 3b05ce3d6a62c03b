#!/usr/bin/env bash
# Issue 12 end to end: saving one parcel of a 500-parcel plan through FeatureEditService (row checks, ParcelRule:
# parcel check and conflict recomputation, write and history) on PostGIS and on the embedded H2GIS store, and the
# plan's conflict check against the FULL city's 三区三线 beside the same overlay in PostGIS SQL, in the same run.
# Fills database planning_parcel_bench on the server of PLANNING_TEST_DB_URL and bench/target/bench/h2-parcels on
# first use (a few minutes). Results: bench/target/bench/parcel-benchmark.md
# (the harness: bench/src/test/java/…/app/plan/ParcelBenchmark.java)
# Usage: bench/parcel-benchmark.sh [saves] [conflict rounds]      (needs PostGIS: scripts/provision.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/java-home.sh)"
./mvnw -B -q verify -pl bench -am -DskipMapClient -Dtest=ParcelBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NONE -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dparcel.benchmark.saves="${1:-100}" -Dparcel.benchmark.rounds="${2:-15}"
cat bench/target/bench/parcel-benchmark.md
