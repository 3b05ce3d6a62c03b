#!/usr/bin/env bash
# Issue 3's benchmark: a 1,000,000-point GBK shapefile (bench/make-1m-shapefile.sh) loaded into PostGIS
# by this importer (bench module's ImportBenchmark, JVM with -Xmx512m) and by
# `ogr2ogr -f PostgreSQL --config PG_USE_COPY YES` (transforming to EPSG:4490 like the importer), each
# into a new database, alternating, in the same run. Prints each run and the medians.
# Usage: bench/import-1m.sh [runs] [points]      (needs PostGIS: scripts/provision.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}; points=${2:-1000000}
eval "$(scripts/provision.sh 2>/dev/null)"
# bench's runtime class path only: its test harnesses' dependencies (the app, Logback) are not ImportBenchmark's.
./mvnw -B -q -o package dependency:build-classpath -pl bench -am -DskipTests -DskipMapClient \
  -DincludeScope=runtime -Dmdep.outputFile=target/classpath.txt >/dev/null
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
bench/make-1m-shapefile.sh "$points" >/dev/null
shp=bench/target/households_1m/households_1m.shp

admin=$PLANNING_TEST_DB_URL                      # jdbc:postgresql://host:port/db?user=u&password=p
hostport=$(echo "$admin" | sed -E 's#jdbc:postgresql://([^/]+)/.*#\1#')
user=$(echo "$admin" | sed -E 's#.*user=([^&]+).*#\1#'); pass=$(echo "$admin" | sed -E 's#.*password=([^&]+).*#\1#')
psqlc() { PGPASSWORD=$pass psql -h "${hostport%:*}" -p "${hostport#*:}" -U "$user" -d "$1" -qtAc "$2"; }
fresh() { psqlc postgres "DROP DATABASE IF EXISTS $1 WITH (FORCE)"; psqlc postgres "CREATE DATABASE $1"; psqlc "$1" "CREATE EXTENSION postgis"; }

ours=(); ogr=(); heap=(); whole=()
for i in $(seq 1 "$runs"); do
  fresh bench_ogr
  s=$(date +%s.%N)
  PG_USE_COPY=YES ogr2ogr -f PostgreSQL --config PG_USE_COPY YES \
    PG:"host=${hostport%:*} port=${hostport#*:} dbname=bench_ogr user=$user password=$pass" "$shp" \
    -nln households -t_srs EPSG:4490 -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=GIST
  t=$(echo "$(date +%s.%N) - $s" | bc); ogr+=("$t")
  n=$(psqlc bench_ogr "SELECT count(*) FROM households")
  echo "run $i ogr2ogr:  ${t}s ($n rows)"

  fresh bench_imp
  url="jdbc:postgresql://$hostport/bench_imp?user=$user&password=$pass"
  s=$(date +%s.%N)
  line=$("$JAVA_HOME/bin/java" -Xmx512m -cp "$cp" cn.yiyang.planning.bench.ImportBenchmark "$url" "$shp" | tee /dev/stderr | grep '^RESULT')
  w=$(echo "$(date +%s.%N) - $s" | bc)
  read -r _ status imported rejected secs peak _ <<<"$line"
  ours+=("$secs"); heap+=("$peak"); whole+=("$w")
  echo "run $i importer: ${secs}s import ($status, $imported imported, $rejected rejected, peak heap ${peak} MB); whole process ${w}s incl. JVM start, migration, village codes"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mo=$(median "${ogr[@]}"); mi=$(median "${ours[@]}"); mh=$(printf '%s\n' "${heap[@]}" | sort -n | tail -1)
mw=$(median "${whole[@]}")
echo "median ogr2ogr ${mo}s, importer ${mi}s (whole process ${mw}s), ratio importer/ogr2ogr $(echo "scale=2; $mi / $mo" | bc) (whole process $(echo "scale=2; $mw / $mo" | bc)), max peak heap ${mh} MB"
psqlc postgres "DROP DATABASE IF EXISTS bench_ogr WITH (FORCE)"; psqlc postgres "DROP DATABASE IF EXISTS bench_imp WITH (FORCE)"
