#!/usr/bin/env bash
# Many small files: FILES files of ROWS rows each dropped into the inbox at once, loaded by the
# packaged jar --once against the fast stand-in; prints how long until all are done and reported.
#
#   bench/small-files.sh [FILES] [ROWS]     default: 1000 files of 10 rows
#   FRESH=1 bench/small-files.sh            the files as just written (each waits for loader.settle-time)
#   CLUSTER_URL=jdbc:postgresql://... INSTANCES=3 BUDGET=N bench/small-files.sh
#                                            cluster mode: that many instances on the one inbox, sharing a budget
set -euo pipefail
cd "$(dirname "$0")/.."
FILES=${1:-1000}
ROWS=${2:-10}
JAR=${JAR:-target/truedy-contacts-loader.jar}   # JAR=path/to/an/earlier/build.jar times that build instead
WORK=${WORK:-target/bench-small}

[ -f "$JAR" ] || mvn -B -q -DskipTests package
rm -rf "$WORK" && mkdir -p "$WORK/classes" "$WORK/inbox/bc_bench"
javac -d "$WORK/classes" -cp "$JAR" bench/src/*.java
CP="$WORK/classes:$JAR"

for f in $(seq "$FILES"); do
  { echo "phone,first_name"; for r in $(seq "$ROWS"); do printf '+1646%03d%04d,P%d\n' "$((f % 1000))" "$r" "$f"; done; } \
      > "$WORK/inbox/bc_bench/list-$f.csv"
done
[ "${FRESH:-0}" = 1 ] || touch -d '1 minute ago' "$WORK"/inbox/bc_bench/*.csv

java -cp "$CP" StandIn "$WORK/port" 0 > "$WORK/stand-in.log" 2>&1 &
STAND_IN=$!
trap 'kill $STAND_IN 2>/dev/null' EXIT
for _ in $(seq 50); do [ -s "$WORK/port" ] && break; sleep 0.1; done
URL="http://127.0.0.1:$(cat "$WORK/port")"

run_instance() { # n: one loader --once, timed
  local cluster=()
  if [ -n "${CLUSTER_URL:-}" ]; then
    cluster=(-Dloader.cluster.jdbc-url="$CLUSTER_URL" -Dloader.cluster.username="${CLUSTER_USER:-postgres}"
             -Dloader.cluster.instance-id="bench-$1" -Dcamel.management.port=0)
  fi
  /usr/bin/time -f "%e %M" -o "$WORK/loader-$1.time" java "${cluster[@]}" ${LOADER_JVM:-} \
      -Dloader.inbox="$WORK/inbox" -Dloader.done="$WORK/done" -Dloader.error="$WORK/error" \
      -Dloader.retry="$WORK/retry" -Dloader.state="$WORK/state" -Dloader.duplicate-file-window=0 \
      -Dtruedy.api-key=bench -Dtruedy.base-url="$URL/api/public/v1" \
      -Dtruedy.rate-limit.requests-per-minute="${BUDGET:-0}" \
      -jar "$JAR" --once > "$WORK/loader-$1.log" 2>&1 || true
}
START=$(date +%s.%N)
PIDS=()
for n in $(seq "${INSTANCES:-1}"); do run_instance "$n" & PIDS+=($!); done
wait "${PIDS[@]}"
WALL=$(echo "$(date +%s.%N) - $START" | bc -l | xargs printf '%.1f')
RSS=$(cat "$WORK"/loader-*.time | awk '{ if ($2 > max) max = $2 } END { print max }')
REPORTS=$(find "$WORK/done" -name '*.report.json' | wc -l)
echo "files: $FILES x $ROWS rows; reports in done/: $REPORTS; left in inbox: $(find "$WORK/inbox" -name '*.csv' | wc -l)"
echo "instances: ${INSTANCES:-1} (${CLUSTER_URL:-local state}), budget ${BUDGET:-none}"
echo "wall ${WALL}s (start-up included), peak RSS $((RSS / 1024)) MB (largest instance), stand-in: $(curl -s "$URL/stats")"
