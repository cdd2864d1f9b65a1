#!/usr/bin/env bash
# Do-not-call lists: a list of N numbers written under target/, loaded as the loader loads it, and
# N lookups against it, in a 256 MB heap; prints load time, lookups/s, heap and peak RSS.
#
#   bench/dnc.sh [N]                 default 10,000,000 numbers written in E.164
#   FORMAT=national bench/dnc.sh N   written as "(212) 736-1001": each one parsed by libphonenumber
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-10000000}
JAR=target/truedy-contacts-loader.jar
WORK=target/bench-dnc
[ -f "$JAR" ] || mvn -B -q -DskipTests package
rm -rf "$WORK" && mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$JAR" bench/src/DoNotCallBench.java
/usr/bin/time -f "%e %M" -o "$WORK/time" java -Xmx256m -cp "$WORK/classes:$JAR" DoNotCallBench "$COUNT" "$WORK/lists"
read -r WALL RSS < "$WORK/time"
echo "wall ${WALL}s (writing the list included), peak RSS $((RSS / 1024)) MB"
