#!/usr/bin/env bash
# Many small files: FILES files of ROWS rows each dropped into the inbox at once, loaded by the
# packaged jar --once against the fast stand-in; prints how long until all are done and reported.
#
#   bench/small-files.sh [FILES] [ROWS]     default: 1000 files of 10 rows
#   FRESH=1 bench/small-files.sh            the files as just written (each waits for loader.settle-time)
#   CLUSTER_URL=jdbc:postgresql://... INSTANCES=3 BUDGET=N bench/small-files.sh
#                                            cluster mode: that many instances on the one inbox, sharing a budget
#   JAR=../before/target/truedy-contacts-loader.jar bench/small-files.sh
#                                            times another build, run in the project folder it was built in
#                                            (its target/..), so that it reads its own routes/
#   RETRY=1 bench/small-files.sh            the files wait in retry/ as a run's leftovers (list-N.retry-1.csv),
#                                            and are re-driven into the inbox when the loader starts
set -euo pipefail
cd "$(dirname "$0")/.."
FILES=${1:-1000}
ROWS=${2:-10}
JAR=${JAR:-target/truedy-contacts-loader.jar}
WORK=$PWD/${WORK:-target/bench-small}

[ -f "$JAR" ] || mvn -B -q -DskipTests package
rm -rf "$WORK" && mkdir -p "$WORK/classes" "$WORK/inbox/bc_bench"
javac -d "$WORK/classes" -cp "$JAR" bench/src/*.java
CP="$WORK/classes:$JAR"

if [ "${RETRY:-0}" = 1 ]; then # retry files name their batch call in a column, and wait at the top of retry/
  mkdir -p "$WORK/retry"
  for f in $(seq "$FILES"); do
    { echo "phone,first_name,batch_call_id"; for r in $(seq "$ROWS"); do printf '+1646%03d%04d,P%d,bc_bench\n' "$((f % 1000))" "$r" "$f"; done; } \
        > "$WORK/retry/list-$f.retry-1.csv"
  done
  touch -d '1 hour ago' "$WORK"/retry/*.csv
  FILES_AT="$WORK/retry"
else
  for f in $(seq "$FILES"); do
    { echo "phone,first_name"; for r in $(seq "$ROWS"); do printf '+1646%03d%04d,P%d\n' "$((f % 1000))" "$r" "$f"; done; } \
        > "$WORK/inbox/bc_bench/list-$f.csv"
  done
  FILES_AT="$WORK/inbox/bc_bench"
fi
[ "${FRESH:-0}" = 1 ] || [ "${RETRY:-0}" = 1 ] || touch -d '1 minute ago' "$FILES_AT"/*.csv
JAR_AT="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"

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
  cd "$(dirname "$JAR_AT")/.." # a subshell: that build's routes/ and application.properties
  /usr/bin/time -f "%e %M" -o "$WORK/loader-$1.time" java "${cluster[@]}" ${LOADER_JVM:-} \
      -Dloader.inbox="$WORK/inbox" -Dloader.done="$WORK/done" -Dloader.error="$WORK/error" \
      -Dloader.retry="$WORK/retry" -Dloader.state="$WORK/state" -Dloader.duplicate-file-window=0 \
      -Dtruedy.api-key=bench -Dtruedy.base-url="$URL/api/public/v1" \
      -Dtruedy.rate-limit.requests-per-minute="${BUDGET:-0}" \
      -jar "$JAR_AT" --once > "$WORK/loader-$1.log" 2>&1 || true
}
START=$(date +%s.%N)
PIDS=()
for n in $(seq "${INSTANCES:-1}"); do run_instance "$n" & PIDS+=($!); done
wait "${PIDS[@]}"
WALL=$(echo "$(date +%s.%N) - $START" | bc -l | xargs printf '%.1f')
RSS=$(cat "$WORK"/loader-*.time | awk '{ if ($2 > max) max = $2 } END { print max }')
REPORTS=$(find "$WORK/done" -name '*.report.json' | wc -l)
echo "files: $FILES x $ROWS rows${RETRY:+ re-driven from retry/}; reports in done/: $REPORTS; left in inbox: $(find "$WORK/inbox" -name '*.csv' | wc -l)"
grep -h 'Loading' "$WORK"/loader-*.log | sed -E 's/.*Loading ([^ ]*).*/\1/' > "$WORK/order"
# the files were all last written at the same instant, so they arrived in the order of their paths
echo "taken out of arrival order: $(LC_ALL=C sort "$WORK/order" | diff - "$WORK/order" | grep -c '^>' || true) of $(wc -l < "$WORK/order")"
echo "instances: ${INSTANCES:-1} (${CLUSTER_URL:-local state}), budget ${BUDGET:-none}"
echo "wall ${WALL}s (start-up included), peak RSS $((RSS / 1024)) MB (largest instance), stand-in: $(curl -s "$URL/stats")"
