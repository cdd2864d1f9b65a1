#!/usr/bin/env bash
# Two campaigns at once: a large list for one batch call, then, 15 s later, a 5-row list for another,
# dropped into the inbox of the packaged loader running as a service, against the stand-in with a
# budget it enforces (429 beyond it). Prints, per run, the seconds from the small list's drop to its
# report, and the large list's share of the budget in the 60 s after that drop. A list is dropped as
# a finished upload is: written elsewhere a minute ago, then moved into the inbox.
#
#   bench/two-campaigns.sh [RUNS] [LARGE_ROWS]     default: 3 runs, 20,000 rows, budget 60 a minute
#   FRESH=1 bench/two-campaigns.sh                 lists copied in just now: each waits loader.settle-time (10 s)
#   BUDGET=90 bench/two-campaigns.sh               another budget
#   JAR=/path/to/other.jar bench/two-campaigns.sh  another build (run from its own folder, with its packaged routes)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
LARGE_ROWS=${2:-20000}
BUDGET=${BUDGET:-60}
JAR=$(realpath "${JAR:-target/truedy-contacts-loader.jar}")
WORK=$(pwd)/target/bench-two

[ -f "$JAR" ] || mvn -B -q -DskipTests package
rm -rf "$WORK" && mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$JAR" bench/src/*.java
CP="$WORK/classes:$JAR"
java -cp "$CP" GenerateContacts "$LARGE_ROWS" "$WORK/large.csv"
printf 'phone,first_name\n+16465550101,A\n+16465550102,B\n+16465550103,C\n+16465550104,D\n+16465550105,E\n' > "$WORK/small.csv"
drop() { # file, folder in the inbox: a finished upload (or, FRESH=1, a copy made now)
  if [ "${FRESH:-0}" = 1 ]; then
    cp "$1" "$2/"
  else
    cp "$1" "$2/.upload" && touch -d '1 minute ago' "$2/.upload" && mv "$2/.upload" "$2/$(basename "$1")"
  fi
}

printf '%-4s %16s %22s %20s %8s\n' run small_drop_to_s large_share_of_budget requests_in_60s 429s
for run in $(seq "$RUNS"); do
  DIR="$WORK/run-$run"
  mkdir -p "$DIR/inbox/bc_large" "$DIR/inbox/bc_small"
  java -cp "$CP" StandIn "$DIR/port" "$BUDGET" "$DIR/requests.log" > "$DIR/stand-in.log" 2>&1 &
  STAND_IN=$!
  for _ in $(seq 50); do [ -s "$DIR/port" ] && break; sleep 0.1; done
  URL="http://127.0.0.1:$(cat "$DIR/port")"
  (cd "$DIR" && exec java -Dloader.inbox="$DIR/inbox" -Dloader.done="$DIR/done" -Dloader.error="$DIR/error" \
      -Dloader.retry="$DIR/retry" -Dloader.state="$DIR/state" -Dcamel.management.port=0 \
      -Dtruedy.api-key=bench -Dtruedy.base-url="$URL/api/public/v1" -Dtruedy.batch-size=100 \
      -Dtruedy.rate-limit.requests-per-minute="$BUDGET" -jar "$JAR" > "$DIR/loader.log" 2>&1) &
  LOADER=$!
  until grep -q "ReadLockStrategy" "$DIR/loader.log" 2>/dev/null; do sleep 0.2; done   # the inbox is watched

  drop "$WORK/large.csv" "$DIR/inbox/bc_large"
  sleep 15
  drop "$WORK/small.csv" "$DIR/inbox/bc_small"
  SMALL_DROP=$(date +%s%3N)
  until [ -f "$DIR/done/small.report.json" ]; do sleep 0.1; done
  SMALL_DONE=$(date +%s%3N)
  while [ $(( $(date +%s%3N) - SMALL_DROP )) -lt 60000 ]; do sleep 1; done
  kill -TERM "$LOADER"; wait "$LOADER" || true
  kill "$STAND_IN" 2>/dev/null || true; wait "$STAND_IN" 2>/dev/null || true

  # requests the stand-in answered 200 in the 60 s after the small list's drop, and how many were the large list's
  read -r LARGE ALL LIMITED < <(awk -v from="$SMALL_DROP" -v to="$((SMALL_DROP + 60000))" '
      $1 >= from && $1 < to && $4 == 200 { all++; if ($2 == "bc_large") large++ }
      $4 == 429 { limited++ }
      END { print large + 0, all + 0, limited + 0 }' "$DIR/requests.log")
  printf '%-4s %16.1f %15d of %-4s %20d %8d\n' "$run" "$(echo "($SMALL_DONE - $SMALL_DROP) / 1000" | bc -l)" \
      "$LARGE" "$BUDGET" "$ALL" "$LIMITED"
done
