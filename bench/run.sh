#!/usr/bin/env bash
# Throughput benchmark: the packaged loader against a fast stand-in for Truedy on loopback, beside
# a floor (the same work with the JDK, libphonenumber and Jackson alone), in one go.
#
#   bench/run.sh [ROWS] [LOADER_JVM_OPTIONS...]      e.g. bench/run.sh 1000000
#                                                      bench/run.sh 10000000 -Xmx256m
# Environment: BUDGET=N makes the stand-in answer 429 beyond N requests a minute and runs the
# loader with truedy.rate-limit.requests-per-minute=N; FLOOR=0 skips the floor; FORMAT=xlsx or xls hands
# the loader the same rows as an Excel workbook (shared strings, some phones as number cells; an .xls
# holds at most 65,535 rows below its header), FORMAT=vcf as an Apple Contacts address book (a card
# each, with a fax and a photo), instead of the CSV (the floor still reads the CSV); CLUSTER_URL=jdbc:postgresql://... runs the loader in
# cluster mode on that database (CLUSTER_USER, default postgres), with its claims, journals and budget there;
# FILES=4 hands the loader that many files of ROWS rows at once, each for a batch call of its own (the
# same rows with a column added, so that no file is another's duplicate); the floor still reads one.
# BEFORE_JAR=path/to/an/earlier/truedy-contacts-loader.jar also runs that build, right after the floor
# and before this one, on the same rows and stand-in: both ratios are then taken against the same floor.
# It runs in the project folder it was built in (target/..), so that it reads its own routes/.
# BY_ZONE=1 routes this build's contacts by time zone (loader.by-zone.*, a US table in the folder's
# .loader.properties); BEFORE_JAR=target/truedy-contacts-loader.jar BY_ZONE=1 FLOOR=0 then times the same
# build with and without routing, and the last line gives the CPU time's ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
shift || true
LOADER_JVM=("$@")
if [ -n "${CLUSTER_URL:-}" ]; then
  LOADER_JVM+=(-Dloader.cluster.jdbc-url="$CLUSTER_URL" -Dloader.cluster.username="${CLUSTER_USER:-postgres}"
               -Dloader.cluster.instance-id=bench -Dcamel.management.port=0)
fi
JAR=target/truedy-contacts-loader.jar
WORK=$PWD/target/bench
BATCH_SIZE=100
CONCURRENCY=2

[ -f "$JAR" ] || mvn -B -q -DskipTests package
rm -rf "$WORK" && mkdir -p "$WORK/classes" "$WORK/inbox/bc_bench"
javac -q -d "$WORK/classes" -cp "$JAR" bench/src/*.java 2>/dev/null || javac -d "$WORK/classes" -cp "$JAR" bench/src/*.java
CP="$WORK/classes:$JAR"

echo "generating $ROWS rows..."
java -cp "$CP" GenerateContacts "$ROWS" "$WORK/contacts.csv"
FORMAT=${FORMAT:-csv}
if [ "$FORMAT" = xlsx ] || [ "$FORMAT" = xls ]; then
  echo "writing the workbook..."
  java -cp "$CP" CsvToWorkbook "$WORK/contacts.csv" "$WORK/contacts.$FORMAT"
elif [ "$FORMAT" = vcf ]; then
  echo "writing the address book..."
  java -cp "$CP" CsvToVcf "$WORK/contacts.csv" "$WORK/contacts.vcf"
fi

java -cp "$CP" StandIn "$WORK/port" "${BUDGET:-0}" > "$WORK/stand-in.log" 2>&1 &
STAND_IN=$!
trap 'kill $STAND_IN 2>/dev/null' EXIT
for _ in $(seq 50); do [ -s "$WORK/port" ] && break; sleep 0.1; done
URL="http://127.0.0.1:$(cat "$WORK/port")"
stats() { curl -s "$URL/stats"; }
reset() { curl -s -X POST "$URL/reset" > /dev/null; }

measure() { # name, command...: prints "wall_seconds peak_rss_kb cpu_seconds"
  local name=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/$name.time" "$@" > "$WORK/$name.log" 2>&1
  awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$WORK/$name.time"
}

if [ "${FLOOR:-1}" != 0 ]; then
  reset
  read -r FLOOR_WALL FLOOR_RSS FLOOR_CPU < <(measure floor java -cp "$CP" Floor "$WORK/contacts.csv" "$URL/api/public/v1" \
      bc_bench "$BATCH_SIZE" "$CONCURRENCY" US)
  FLOOR_STATS=$(stats)
fi

drop_files() { # by_zone: 1 to route the contacts by time zone
  rm -rf "$WORK/inbox" "$WORK/done" "$WORK/error" "$WORK/retry" "$WORK/state" && mkdir -p "$WORK/inbox/bc_bench"
  if [ "${1:-0}" = 1 ]; then
    printf '%s\n' "loader.by-zone.bc_east = America/New_York, America/Detroit" \
        "loader.by-zone.bc_central = America/Chicago" "loader.by-zone.bc_mountain = America/Denver, America/Boise, America/Phoenix" \
        "loader.by-zone.bc_west = America/Los_Angeles" "loader.by-zone.bc_other = Pacific/Honolulu, America/Anchorage, ambiguous, unknown" \
        > "$WORK/inbox/bc_bench/.loader.properties"
  fi
  if [ "${FILES:-1}" -gt 1 ]; then
    rm -rf "$WORK/inbox/bc_bench"
    for f in $(seq "$FILES"); do
      mkdir -p "$WORK/inbox/bc_bench-$f"
      { echo "$(head -1 "$WORK/contacts.csv"),list"; tail -n +2 "$WORK/contacts.csv" | sed "s/\$/,$f/"; } \
          > "$WORK/inbox/bc_bench-$f/contacts-$f.csv"
    done
    touch -d '1 minute ago' "$WORK"/inbox/bc_bench-*/contacts-*.csv
  else
    cp "$WORK/contacts.$FORMAT" "$WORK/inbox/bc_bench/contacts.$FORMAT"
    touch -d '1 minute ago' "$WORK/inbox/bc_bench/contacts.$FORMAT"
  fi
}
run_loader() { # name, jar, by_zone: prints "wall_seconds peak_rss_kb cpu_seconds"
  reset
  drop_files "${3:-0}"
  local jar
  jar="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
  cd "$(dirname "$jar")/.." # a subshell: its own routes/ and application.properties, if any
  measure "$1" java "${LOADER_JVM[@]}" \
      -Dloader.inbox="$WORK/inbox" -Dloader.done="$WORK/done" -Dloader.error="$WORK/error" \
      -Dloader.retry="$WORK/retry" -Dloader.state="$WORK/state" -Dloader.duplicate-file-window=0 \
      -Dtruedy.api-key=bench -Dtruedy.base-url="$URL/api/public/v1" -Dtruedy.batch-size="$BATCH_SIZE" \
      -Dtruedy.concurrency="$CONCURRENCY" -Dtruedy.rate-limit.requests-per-minute="${BUDGET:-0}" \
      -jar "$jar" --once
}
if [ -n "${BEFORE_JAR:-}" ]; then
  read -r BEFORE_WALL BEFORE_RSS BEFORE_CPU < <(run_loader before "$BEFORE_JAR")
  BEFORE_STATS=$(stats)
fi
read -r LOADER_WALL LOADER_RSS LOADER_CPU < <(run_loader loader "$JAR" "${BY_ZONE:-0}")
LOADER_STATS=$(stats)

echo
echo "rows: $ROWS ($FORMAT) x ${FILES:-1} file(s), batch size $BATCH_SIZE, $CONCURRENCY requests in flight, budget ${BUDGET:-none}," \
     "state ${CLUSTER_URL:-local}"
printf '%-7s %10s %8s %12s %14s  %s\n' run wall_s cpu_s rows_per_s peak_rss_mb stand-in
if [ "${FLOOR:-1}" != 0 ]; then
  printf '%-7s %10s %8s %12.0f %14.0f  %s\n' floor "$FLOOR_WALL" "$FLOOR_CPU" "$(echo "$ROWS / $FLOOR_WALL" | bc -l)" \
      "$(echo "$FLOOR_RSS / 1024" | bc -l)" "$FLOOR_STATS"
fi
if [ -n "${BEFORE_JAR:-}" ]; then
  printf '%-7s %10s %8s %12.0f %14.0f  %s\n' before "$BEFORE_WALL" "$BEFORE_CPU" "$(echo "$ROWS * ${FILES:-1} / $BEFORE_WALL" | bc -l)" \
      "$(echo "$BEFORE_RSS / 1024" | bc -l)" "$BEFORE_STATS"
fi
printf '%-7s %10s %8s %12.0f %14.0f  %s\n' loader "$LOADER_WALL" "$LOADER_CPU" "$(echo "$ROWS * ${FILES:-1} / $LOADER_WALL" | bc -l)" \
    "$(echo "$LOADER_RSS / 1024" | bc -l)" "$LOADER_STATS"
if [ "${FLOOR:-1}" != 0 ]; then
  if [ -n "${BEFORE_JAR:-}" ]; then
    printf 'ratio before/floor (wall time, start-up included): %.2f\n' "$(echo "$BEFORE_WALL / $FLOOR_WALL" | bc -l)"
  fi
  printf 'ratio loader/floor (wall time, start-up included): %.2f\n' "$(echo "$LOADER_WALL / $FLOOR_WALL" | bc -l)"
fi
if [ -n "${BEFORE_JAR:-}" ]; then
  printf 'cpu loader/before: %.3f\n' "$(echo "$LOADER_CPU / $BEFORE_CPU" | bc -l)"
fi
grep -h "Finished" "$WORK/loader.log" | tail -"${FILES:-1}" || true
