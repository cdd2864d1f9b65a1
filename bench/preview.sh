#!/usr/bin/env bash
# Preview benchmark: the packaged loader's --preview --once over one generated file, three times,
# beside one real load of the same file against the built-in sandbox (no request budget). Prints
# wall seconds and peak RSS of each run; quote the medians.
#
#   bench/preview.sh [ROWS] [LOADER_JVM_OPTIONS...]      e.g. bench/preview.sh 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
shift || true
JAR=target/truedy-contacts-loader.jar
WORK=target/bench-preview
[ -f "$JAR" ] || mvn -B -q -DskipTests package
rm -rf "$WORK" && mkdir -p "$WORK/classes" "$WORK/data/inbox/bc_bench"
javac -d "$WORK/classes" -cp "$JAR" bench/src/GenerateContacts.java
java -cp "$WORK/classes:$JAR" GenerateContacts "$ROWS" "$WORK/data/inbox/bc_bench/contacts.csv"
touch -d '1 minute ago' "$WORK/data/inbox/bc_bench/contacts.csv"
JAR=$(realpath "$JAR")
cd "$WORK"
SETTINGS=(-Dtruedy.rate-limit.requests-per-minute=0 -Dcamel.management.enabled=false -Dloader.sandbox.port=0)
for run in 1 2 3; do
  rm -rf data/preview
  /usr/bin/time -o time.txt -a -f "preview $run: %e s, peak RSS %M KB" java "$@" "${SETTINGS[@]}" -jar "$JAR" --preview --once \
      > preview.out 2> preview.log || true
done
/usr/bin/time -o time.txt -a -f "load: %e s, peak RSS %M KB" java "$@" "${SETTINGS[@]}" -jar "$JAR" --once > load.out 2> load.log || true
cat time.txt
head -4 preview.out
