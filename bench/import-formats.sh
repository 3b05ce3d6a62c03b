#!/usr/bin/env bash
# Issue 14's import benchmark: the whole import as users take it (upload through the REST API with HTTP Basic,
# poll until SUCCEEDED; seconds from the upload's start to the poll that sees SUCCEEDED) of
#   - a 100,000-point GBK shapefile in a Gauss-Kruger zone (EPSG:4525, bench/make-1m-shapefile.sh), its five parts,
#   - the same points as a GeoPackage in CGCS2000 lon/lat (EPSG:4490, converted by ogr2ogr),
#   - the same rows as a UTF-8 CSV with lon/lat columns (CGCS2000 by the CSV rule),
#   - and the 1,000,000-point shapefile (skip it with a second argument `no-1m`),
# each beside `ogr2ogr -f PostgreSQL --config PG_USE_COPY YES -t_srs EPSG:4490 -lco SPATIAL_INDEX=GIST` of the same
# file into a new database, alternating (ogr2ogr, then the app), in the same run. The app (the executable jar, built
# here with -DskipMapClient) runs on a new PostGIS database with the small demo city (its 1,446 real village codes,
# against which the households' village codes are checked), analyses off; every app import is a `replace` of the
# household layer. Counts are checked: rows in the table equal the file's rows, for both tools.
# Prints each import (wall time; the CPU time of the ogr2ogr process and of the app's JVM, all threads: the client
# side's work, which a loaded machine stretches less than wall time), then per file the medians and the ratio. The app's
# import is SUCCEEDED once the new table is swapped in with its primary key, unique and spatial indexes; its other
# indexes and statistics are built just after, off the user's wait (PostgisLaterIndexes): "complete" is when that is
# done (from the app's log), printed beside it, and the next import or ogr2ogr starts only then.
# Usage: bench/import-formats.sh [runs] [no-1m]      (needs PostGIS: scripts/provision.sh; GDAL's ogr2ogr)
# BENCH_PORT (18093), BENCH_XMX (2g: the app's heap), BENCH_NO_BUILD=1 (use the jar as built), BENCH_JAR (another
# executable jar of the app, e.g. an older build to compare with; implies no build), BENCH_JAVA_OPTS (more
# options of the app's JVM, e.g. -XX:StartFlightRecording=filename=bench/target/import.jfr,settings=profile).
# BENCH_DB (bench_fmt): the prefix of the two databases (<prefix>_app, <prefix>_ogr), dropped at the end.
# BENCH_FILES (shp gpkg csv): which 100k files to import, e.g. "gpkg csv".
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}; with1m=true; [ "${2:-}" = no-1m ] && with1m=false
port=${BENCH_PORT:-18093}; db=${BENCH_DB:-bench_fmt}
eval "$(scripts/provision.sh 2>/dev/null)"
if [ "${BENCH_NO_BUILD:-}" != 1 ] && [ -z "${BENCH_JAR:-}" ]; then
  ./mvnw -B -q -ntp -o package -pl planning-app -am -DskipTests -DskipMapClient >/dev/null
fi
jar=${BENCH_JAR:-$(ls planning-app/target/planning-app-*-exec.jar | head -1)}

# The files, made once and kept under bench/target (a new count or a missing file makes them again).
bench/make-1m-shapefile.sh 100000 households_100k >/dev/null
d=bench/target/households_100k
[ -f $d/households_100k.gpkg ] || ogr2ogr -f GPKG $d/households_100k.gpkg $d/households_100k.shp -nln households \
  -t_srs EPSG:4490
if [ ! -f $d/households_100k.csv ]; then
  ogr2ogr -f CSV $d/tmp.csv $d/households_100k.shp -t_srs EPSG:4490 -lco GEOMETRY=AS_XY -lco STRING_QUOTING=IF_NEEDED
  sed '1s/^X,Y,/lon,lat,/' $d/tmp.csv > $d/households_100k.csv && rm $d/tmp.csv
fi
files=(${BENCH_FILES:-shp gpkg csv}); $with1m && { bench/make-1m-shapefile.sh >/dev/null; files+=(shp1m); }
src() { case $1 in shp) echo $d/households_100k.shp;; gpkg) echo $d/households_100k.gpkg;;
  csv) echo $d/households_100k.csv;; shp1m) echo bench/target/households_1m/households_1m.shp;; esac; }
rows() { case $1 in shp1m) echo 1000000;; *) echo 100000;; esac; }
# curl's file parts: the shapefile's five parts, else the one file
parts() { local f; f=$(src "$1")
  if [[ $f == *.shp ]]; then for e in shp shx dbf prj cpg; do printf -- '-F\nfile=@%s\n' "${f%.shp}.$e"; done
  else printf -- '-F\nfile=@%s\n' "$f"; fi; }

admin=$PLANNING_TEST_DB_URL                      # jdbc:postgresql://host:port/db?user=u&password=p
hostport=$(echo "$admin" | sed -E 's#jdbc:postgresql://([^/]+)/.*#\1#')
user=$(echo "$admin" | sed -E 's#.*user=([^&]+).*#\1#'); pass=$(echo "$admin" | sed -E 's#.*password=([^&]+).*#\1#')
psqlc() { PGPASSWORD=$pass psql -h "${hostport%:*}" -p "${hostport#*:}" -U "$user" -d "$1" -qtAc "$2"; }
fresh() { psqlc postgres "DROP DATABASE IF EXISTS $1 WITH (FORCE)"; psqlc postgres "CREATE DATABASE $1"; psqlc "$1" "CREATE EXTENSION postgis"; }
now() { date +%s.%N; }

# The app on a new database, with the small demo city; its log under bench/target.
fresh ${db}_app
log=bench/target/import-formats-$db.log
password=bench-import-2026
PLANNING_DB_URL="jdbc:postgresql://$hostport/${db}_app" PLANNING_DB_USER=$user PLANNING_DB_PASSWORD=$pass \
  PLANNING_DEMO_DATA=true PLANNING_DEMO_SCALE=small PLANNING_ANALYSES_RUN_ON_START=false \
  PLANNING_ADMIN_PASSWORD=$password PLANNING_DATA_DIR=bench/target/import-formats-$db PORT=$port \
  "$JAVA_HOME/bin/java" "-Xmx${BENCH_XMX:-2g}" ${BENCH_JAVA_OPTS:-} -jar "$jar" \
  --logging.level.cn.yiyang.planning.layers.store.PostgisReplace=DEBUG \
  --logging.level.cn.yiyang.planning.importer.job.ImportRun=DEBUG > "$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
api=http://localhost:$port/api/v1
until grep -q "Ready: http" "$log" && curl -sf -u admin:$password -o /dev/null "$api/layers/household"; do
  kill -0 $app 2>/dev/null || { echo "the app stopped: see $log" >&2; exit 1; }
  sleep 0.5
done

# One import through the API: prints "seconds imported"; exits when it does not succeed or the count is wrong.
# The end is the import's finishedAt (the server's clock is this machine's), so that polling twice a second, as a
# client would, costs no precision; polling 20 times a second took a core from the import on a 2-core machine.
app_import() { local f=$1 s id status body
  mapfile -t p < <(parts "$f")
  c=$(cpu $app)
  s=$(now)
  id=$(curl -sf -u admin:$password "${p[@]}" -F mode=replace "$api/layers/household/imports" | jq -r .id)
  while :; do
    sleep 0.5
    body=$(curl -sf -u admin:$password "$api/imports/$id?issues=3")
    status=$(jq -r .status <<<"$body")
    case $status in SUCCEEDED|FAILED|NEEDS_INPUT) break;; esac
  done
  t=$(echo "$(date -d "$(jq -r .finishedAt <<<"$body")" +%s.%N) - $s" | bc)
  c=$(echo "$(cpu $app) - $c" | bc)
  [ "$status" = SUCCEEDED ] || { echo "app import of $f: $body" >&2; exit 1; }
  n=$(psqlc ${db}_app "SELECT count(*) FROM household")
  [ "$n" = "$(rows "$f")" ] || { echo "app import of $f: $n rows, not $(rows "$f")" >&2; exit 1; }
  # The work after the swap (the other indexes, then the statistics) ends when the layer's replace lock is free; its
  # end is the app's log line of it. The next tool starts only then, so that it does not share the cores with it.
  key="hashtext('layer replace household')"
  until [ "$(psqlc ${db}_app "SELECT pg_try_advisory_lock($key) AND pg_advisory_unlock($key)")" = t ]; do sleep 0.05; done
  done_at=$(grep -a "layer table household: .* after the swap" "$log" | tail -1 | cut -d' ' -f1)
  [ -n "$done_at" ] || { echo "app import of $f: no log line of the work after the swap in $log" >&2; exit 1; }
  tc=$(echo "$(date -d "$done_at" +%s.%N) - $s" | bc)
  echo "$t $n $c $tc"
}
ogr_import() { local f=$1 s extra=()
  [ "$f" = csv ] && extra=(-oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -s_srs EPSG:4490)  # -s_srs: GDAL would take the shapefile's .prj beside it
  fresh ${db}_ogr
  s=$(now)
  /usr/bin/time -f '%U %S' -o "$d/ogr.cpu" ogr2ogr -f PostgreSQL --config PG_USE_COPY YES \
    PG:"host=${hostport%:*} port=${hostport#*:} dbname=${db}_ogr user=$user password=$pass" "$(src "$f")" \
    -nln households -t_srs EPSG:4490 -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=GIST "${extra[@]}" >&2
  t=$(echo "$(now) - $s" | bc)
  n=$(psqlc ${db}_ogr "SELECT count(*) FROM households")
  [ "$n" = "$(rows "$f")" ] || { echo "ogr2ogr of $f: $n rows, not $(rows "$f")" >&2; exit 1; }
  echo "$t $n $(awk '{print $1 + $2}' "$d/ogr.cpu")"
}
# CPU seconds (user + system) a process has used so far, all its threads
cpu() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat"; }

declare -A ogr ours ogrcpu ourcpu complete
echo "load while measuring: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min), $(nproc) cores"
# The 100k files' runs first, then the 1M file's: a 1M load writes about 0.5 GB of WAL, and the checkpoints it starts
# would otherwise run under the next 100k imports of either tool.
one() { local i=$1 f=$2 o a
  o=$(ogr_import "$f"); a=$(app_import "$f")
  read -r to no co <<<"$o"; read -r ta na ca tc <<<"$a"
  ogr[$f]+="$to "; ours[$f]+="$ta "; ogrcpu[$f]+="$co "; ourcpu[$f]+="$ca "; complete[$f]+="$tc "
  printf 'run %s %-5s ogr2ogr %6.2f s (%s rows, CPU %.2f s)   app %6.2f s (%s rows, JVM CPU %.2f s; complete %.2f s)   ratio %.2f\n' \
    "$i" "$f" "$to" "$no" "$co" "$ta" "$na" "$ca" "$tc" "$(echo "$ta / $to" | bc -l)"
}
for i in $(seq 1 "$runs"); do
  for f in "${files[@]}"; do [ "$f" = shp1m ] || one "$i" "$f"; done
done
if $with1m; then for i in $(seq 1 "$runs"); do one "$i" shp1m; done; fi
median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for f in "${files[@]}"; do
  mo=$(median "${ogr[$f]}"); ma=$(median "${ours[$f]}"); mc=$(median "${complete[$f]}")
  printf 'median %-5s ogr2ogr %6.2f s (CPU %.2f s)   app %6.2f s (JVM CPU %.2f s)   ratio app/ogr2ogr %.2f   complete %.2f s, ratio %.2f   (%s runs)\n' \
    "$f" "$mo" "$(median "${ogrcpu[$f]}")" "$ma" "$(median "${ourcpu[$f]}")" "$(echo "$ma / $mo" | bc -l)" \
    "$mc" "$(echo "$mc / $mo" | bc -l)" "$runs"
done
kill $app; wait $app 2>/dev/null || true
psqlc postgres "DROP DATABASE IF EXISTS ${db}_ogr WITH (FORCE)"; psqlc postgres "DROP DATABASE IF EXISTS ${db}_app WITH (FORCE)"
