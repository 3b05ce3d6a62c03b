#!/usr/bin/env bash
# OGC API - Features and exports on the FULL synthetic city in PostGIS (database planning_bench on the server of
# PLANNING_TEST_DB_URL, as tile-benchmark.sh fills it), each beside GDAL reading the same table straight from
# PostGIS in the same run:
#   1. paging through every household with limit=10000 over the next links (features/s, page p50/p95), beside
#      ogr2ogr PG -> GeoJSONSeq of the same table;
#   2. ogr2ogr OAPIF -> GPKG (GDAL's own paging, PAGE_SIZE=10000) beside ogr2ogr PG -> GPKG;
#   3. GET /api/v1/layers/household/export?format=gpkg beside ogr2ogr PG -> GPKG, the app's heap capped at
#      OGC_BENCH_HEAP (default 512m): the export must finish under it.
# The packaged app runs with demo data and start-up analyses off, the demo accounts on (the client signs in as
# leader). Build first:
#   ./mvnw -B -q package -pl planning-app -am -DskipTests -DskipMapClient
# OGC_BENCH_JAR runs another packaged jar (to compare two builds); OGC_BENCH_JAVA_OPTS adds JVM options to the app
# (e.g. a flight recording: -XX:StartFlightRecording=filename=x.jfr,settings=profile,dumponexit=true).
# OGC_BENCH_PAGING_ONLY=1 runs part 1 only (the paging beside ogr2ogr PG -> GeoJSONSeq).
# Usage: bench/ogc-export-benchmark.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/java-home.sh)"
runs=${1:-3}; port=${BENCH_PORT:-18081}; heap=${OGC_BENCH_HEAP:-512m}; db=${OGC_BENCH_DB:-planning_bench}
base=${PLANNING_TEST_DB_URL:?set PLANNING_TEST_DB_URL (scripts/provision.sh does)}
hostport=$(sed -E 's#jdbc:postgresql://([^/]+)/.*#\1#' <<<"$base")
user=$(sed -E 's#.*[?&]user=([^&]+).*#\1#' <<<"$base"); password=$(sed -E 's#.*[?&]password=([^&]+).*#\1#' <<<"$base")
pg="PG:host=${hostport%:*} port=${hostport#*:} dbname=$db user=$user password=$password"
jar=${OGC_BENCH_JAR:-$(ls planning-app/target/planning-app-*-exec.jar | head -1)}
work=$(mktemp -d)
PLANNING_DB_URL="jdbc:postgresql://$hostport/$db" PLANNING_DB_USER="$user" PLANNING_DB_PASSWORD="$password" \
  PLANNING_DEMO_DATA=false PLANNING_DEMO_ACCOUNTS=true PLANNING_ANALYSES_RUN_ON_START=false PLANNING_DATA_DIR="$work" \
  PORT=$port \
  "$JAVA_HOME/bin/java" -Xmx"$heap" ${OGC_BENCH_JAVA_OPTS:-} -jar "$jar" > "$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$work"' EXIT
until grep -q "Ready: http" "$work/app.log"; do
  kill -0 $app 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
  sleep 0.5
done
auth="leader:${PLANNING_DEMO_PASSWORD:-yiyang2025}"
ogc="http://localhost:$port/ogc"
secs() { local s=$(date +%s.%N); "$@" > /dev/null 2>&1; echo "$(date +%s.%N) - $s" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "households: $(psql -At "postgresql://$user:$password@$hostport/$db" -c 'SELECT COUNT(*) FROM household')"
echo "app heap: -Xmx$heap; $(nproc) cores shared by the app, PostgreSQL and GDAL"
for i in $(seq 1 "$runs"); do
  python3 - "$ogc" "$auth" <<'PY'
import base64, json, sys, time, urllib.request
url, auth = sys.argv[1] + "/collections/household/items?limit=10000", sys.argv[2]
head = {"Authorization": "Basic " + base64.b64encode(auth.encode()).decode(), "Accept": "application/geo+json"}
n, pages, start = 0, [], time.time()
while url:
    t = time.time()
    page = json.load(urllib.request.urlopen(urllib.request.Request(url, headers=head)))
    pages.append(time.time() - t)
    n += page["numberReturned"]
    url = next((l["href"] for l in page["links"] if l["rel"] == "next"), None)
total = time.time() - start
print("  first pages (ms): " + " ".join(f"{p*1000:.0f}" for p in pages[:8]))
pages.sort()
print(f"OAPIF paging: {n} features in {len(pages)} pages, {total:.2f} s = {n/total:,.0f} features/s;"
      f" page p50 {pages[len(pages)//2]*1000:.0f} ms, p95 {pages[min(len(pages)-1, int(len(pages)*0.95))]*1000:.0f} ms")
PY
  echo "ogr2ogr PG -> GeoJSONSeq (same table): $(secs ogr2ogr -f GeoJSONSeq "$work/pg.geojsons" "$pg" household) s"
  rm -f "$work"/*.gpkg "$work"/*.geojsons
  [ -n "${OGC_BENCH_PAGING_ONLY:-}" ] && continue
  echo "ogr2ogr OAPIF -> GPKG (PAGE_SIZE=10000): $(secs ogr2ogr -f GPKG "$work/oapif.gpkg" "OAPIF:$ogc" household -oo PAGE_SIZE=10000 --config GDAL_HTTP_USERPWD "$auth") s"
  echo "ogr2ogr PG -> GPKG: $(secs ogr2ogr -f GPKG "$work/pg.gpkg" "$pg" household) s"
  echo "app export -> GPKG: $(secs curl -sf -u "$auth" -o "$work/export.gpkg" "http://localhost:$port/api/v1/layers/household/export?format=gpkg") s"
  echo "  counts: oapif $(ogrinfo -ro -so "$work/oapif.gpkg" household | grep -o 'Feature Count: [0-9]*'), pg $(ogrinfo -ro -so "$work/pg.gpkg" household | grep -o 'Feature Count: [0-9]*'), export $(ogrinfo -ro -so "$work/export.gpkg" household | grep -o 'Feature Count: [0-9]*')"
  rm -f "$work"/*.gpkg
done
echo "OutOfMemoryError lines in the app log: $(grep -c OutOfMemoryError "$work/app.log" || true)"
