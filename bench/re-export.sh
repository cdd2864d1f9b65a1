#!/usr/bin/env bash
# Daily full exports (loader.sent-memory): a 100,000-row list loaded into one batch call, the same
# file again, then the next day's export (the same list less its first 1 %, plus 1 % new rows), each
# with the packaged loader --once against the stand-in; then the next day's export once more with
# the memory off (loader.sent-memory=0), as before. Prints the requests each run made, its wall time
# here (no budget), and what those requests take at the default budget of 90 a minute.
#
#   bench/re-export.sh [ROWS]     default 100,000
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-100000}
NEW=$((ROWS / 100))
JAR=target/truedy-contacts-loader.jar
WORK=$(pwd)/target/bench-re-export
[ -f "$JAR" ] || mvn -B -q -DskipTests package
rm -rf "$WORK" && mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$JAR" bench/src/*.java 2>/dev/null
CP="$WORK/classes:$JAR"
java -cp "$CP" GenerateContacts "$((ROWS + NEW))" "$WORK/all.csv"
head -n "$((ROWS + 1))" "$WORK/all.csv" > "$WORK/day-1.csv"
{ head -n 1 "$WORK/all.csv"; tail -n "+$((NEW + 2))" "$WORK/all.csv"; } > "$WORK/day-2.csv"

java -cp "$CP" StandIn "$WORK/port" 0 > "$WORK/stand-in.log" 2>&1 &
STAND_IN=$!
trap 'kill $STAND_IN 2>/dev/null' EXIT
for _ in $(seq 50); do [ -s "$WORK/port" ] && break; sleep 0.1; done
URL="http://127.0.0.1:$(cat "$WORK/port")"

load() { # name, file, extra -D options...: one --once run; prints requests, wall, time at 90 a minute
  local name=$1 file=$2; shift 2
  mkdir -p "$WORK/inbox/campA"
  cp "$WORK/$file" "$WORK/inbox/campA/$name.csv" && touch -d '1 minute ago' "$WORK/inbox/campA/$name.csv"
  curl -s -X POST "$URL/reset" > /dev/null
  /usr/bin/time -f "%e" -o "$WORK/$name.time" java "$@" -Dloader.inbox="$WORK/inbox" -Dloader.done="$WORK/done" \
      -Dloader.error="$WORK/error" -Dloader.retry="$WORK/retry" -Dloader.state="$WORK/state" \
      -Dcamel.management.enabled=false -Dtruedy.api-key=bench -Dtruedy.base-url="$URL/api/public/v1" \
      -Dtruedy.rate-limit.requests-per-minute=0 -jar "$JAR" --once > "$WORK/$name.log" 2>&1 || true
  local requests
  requests=$(curl -s "$URL/stats" | sed 's/.*"requests":\([0-9]*\).*/\1/')
  printf '%-26s %9d %10s %18s\n' "$name" "$requests" "$(tail -1 "$WORK/$name.time")" \
      "$(echo "$requests" | awk '{ m = int($1 / 90); s = int(($1 / 90 - m) * 60 + 0.5); printf "%d min %02d s", m, s }')"
}
printf '%-26s %9s %10s %18s\n' run requests wall_s at_90_a_minute
load day-1 day-1.csv
load day-1-again day-1.csv
load day-2 day-2.csv
rm -rf "$WORK/state" "$WORK/done"    # the same day-2 export, with nothing remembered, as before
load day-2-no-memory day-2.csv -Dloader.sent-memory=0
grep -h "Finished campA/day-2.csv" "$WORK/day-2.log" | sed 's/.*Finished/Finished/' || true
