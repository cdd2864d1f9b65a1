#!/usr/bin/env bash
# The sent memory (loader.sent-memory) with N numbers remembered, in a 256 MB heap: written as the
# loader writes it under target/, loaded as a new loader loads it, and N look-ups against it; prints
# load time, heap, look-ups per second and peak RSS.
#
#   bench/sent-memory.sh [N [BATCH_CALLS [DAYS]]]     default 10,000,000 numbers, 10 batch calls, 30 daily generations
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-10000000}
JAR=target/truedy-contacts-loader.jar
WORK=target/bench-sent
[ -f "$JAR" ] || mvn -B -q -DskipTests package
rm -rf "$WORK" && mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$JAR" bench/src/SentMemoryBench.java
/usr/bin/time -f "%e %M" -o "$WORK/time" java -Xmx256m -cp "$WORK/classes:$JAR" SentMemoryBench "$COUNT" "$WORK/state" \
    "${2:-10}" "${3:-30}" 2>&1 | grep -v "^\S* \[INFO\]"
read -r WALL RSS < "$WORK/time"
echo "wall ${WALL}s (writing included), peak RSS $((RSS / 1024)) MB"
