#!/usr/bin/env bash
# The JVM's CPU per stage of reading an import, without a store (bench module's ImportCpuBenchmark): opening
# (encoding check, opening pass), reading every record, reading and checking every record for the household layer,
# on one thread, medians of 7 repetitions after 3 of warm-up. Default files: the 100k GeoPackage and CSV of
# bench/import-formats.sh (made there).
# Usage: bench/import-cpu.sh [files...]
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/provision.sh 2>/dev/null)"
d=bench/target/households_100k
files=("$@"); [ ${#files[@]} -gt 0 ] || files=("$d/households_100k.gpkg" "$d/households_100k.csv")
for f in "${files[@]}"; do [ -f "$f" ] || { echo "no $f (bench/import-formats.sh makes the 100k files)" >&2; exit 1; }; done
./mvnw -B -q -o package dependency:build-classpath -pl bench -am -DskipTests -DskipMapClient \
  -DincludeScope=runtime -Dmdep.outputFile=target/classpath.txt >/dev/null
"$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" cn.yiyang.planning.bench.ImportCpuBenchmark "${files[@]}"
