#!/usr/bin/env bash
# First start of the packaged app on an EMPTY embedded store: seconds from `java -jar` until the app
# logs that it is ready (after the demo data are loaded) and answers HTTP.
# Usage: bench/first-start.sh [small|full] [runs]   (build first: ./mvnw -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/java-home.sh)"
scale=${1:-small}; runs=${2:-3}; port=${BENCH_PORT:-18080}
jar=$(ls planning-app/target/planning-app-*-exec.jar | head -1)
times=()
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  start=$(date +%s.%N)
  PLANNING_DATA_DIR="$dir" PLANNING_DEMO_SCALE="$scale" PORT=$port "$JAVA_HOME/bin/java" -jar "$jar" > "$dir/app.log" 2>&1 &
  pid=$!
  until grep -q "Ready: http" "$dir/app.log" && curl -s -o /dev/null "http://localhost:$port/login"; do
    kill -0 $pid 2>/dev/null || { echo "app died: see $dir/app.log" >&2; exit 1; }
    sleep 0.2
  done
  t=$(echo "$(date +%s.%N) - $start" | bc)
  times+=("$t")
  grep -m1 "Demo data loaded" "$dir/app.log" | sed 's/.*Demo data loaded/  loaded/' >&2 || true
  kill $pid; wait $pid 2>/dev/null || true
  echo "run $i: ${t}s  (store $(du -sh "$dir" | cut -f1))" >&2
  rm -rf "$dir"
done
printf '%s\n' "${times[@]}" | sort -n | awk -v s="$scale" '{a[NR]=$1} END {printf "first start, %s demo data: median %.1f s (min %.1f, max %.1f, %d runs)\n", s, a[int((NR+1)/2)], a[1], a[NR], NR}'
