#!/usr/bin/env bash
# The leaders' dashboard on the FULL synthetic city in PostGIS (database planning_bench on the server of
# PLANNING_TEST_DB_URL, filled on first run; one run of every analysis kind stored if it has none, manual values
# entered for every village if none are): first content of /dashboard in headless Chromium as leader (navigation
# start → first headline card in the DOM, and → choropleth drawn; p95 of N loads) and the time to build the city's
# PDF report (A4, A3). Results: bench/target/bench/dashboard-benchmark.md
# (the harness: bench/src/test/java/…/app/dashboard/DashboardBenchmark.java, a Spring Boot test of the bench module).
# Usage: bench/dashboard-benchmark.sh [loads]      (needs PostGIS, Chromium, chromedriver; default 20 loads)
# DASHBOARD_BENCH_DB=name uses another database than planning_bench (e.g. a branch with its own migrations).
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/java-home.sh)"
./mvnw -B -q verify -pl bench -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=DashboardBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -Ddashboard.benchmark.loads="${1:-20}" -Ddashboard.benchmark.db="${DASHBOARD_BENCH_DB:-planning_bench}"
cat bench/target/bench/dashboard-benchmark.md
