#!/usr/bin/env bash
# Issue 12, geo-core only: the village-plan parcel check and 多规合一 conflict check on a synthetic plan (500
# parcels per state) against a few thousand constraint polygons over the whole city; no database, no app.
# The harness: bench/src/main/java/cn/yiyang/planning/bench/PlanCheckBenchmark.java.
# Usage: bench/plan-check-benchmark.sh [runs] [constraint polygons]
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/java-home.sh)"
# package, not compile: bench's test harnesses need the test jars of layers and planning-app to resolve.
./mvnw -B -q -ntp package dependency:build-classpath -pl bench -am -DskipTests -DskipMapClient \
  -DincludeScope=runtime -Dmdep.outputFile=target/classpath.txt >/dev/null
"$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  cn.yiyang.planning.bench.PlanCheckBenchmark "${1:-15}" "${2:-3000}"
