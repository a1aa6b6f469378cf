#!/usr/bin/env bash
# Benchmark of a large planned cdn online-users run against the emulator (not a test: it prints
# figures, it asserts nothing). Default: the last 62 days in 1-minute buckets, --per-stream, 100
# streams in CN: 884 requests, 8.9 million rows. Prints wall time, requests/s against --rate,
# rows/s, peak RSS of the client, and the most heap in use from its GC log. The serial collector
# lets garbage pile up to the heap it may use; the run's real need shows with a small ceiling:
# CLOUDMETRICS_JAVA_OPTS="-XX:+UseSerialGC -Xmx32m" bench/cdn-planned-run.sh (it needs no more
# for 62 days than for 7).
#
#   bench/cdn-planned-run.sh [DAYS] [STREAMS] [RATE] [CONCURRENCY]
#
# Runs the client through dist/cloudmetrics with its usual JVM options plus a GC log
# (CLOUDMETRICS_JAVA_OPTS overrides them).
set -euo pipefail

days=${1:-62}
streams=${2:-100}
rate=${3:-1000}
concurrency=${4:-4}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'kill "$emulator" 2>/dev/null || true; rm -rf "$work"' EXIT

(cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package >&2)
jar="$root/target/cloudmetrics.jar"

source "$root/bench/emulator.sh"
start_emulator "$jar" "$work"

for i in $(seq "$streams"); do echo "rtmp://bench.example/live/channel-$i"; done > "$work/streams.txt"

args=(cdn online-users --endpoint "$endpoint" --streams-file "$work/streams.txt" --per-stream -g 1m
  --last "${days}d" -f csv -o "$work/out.csv" --rate "$rate" --concurrency "$concurrency")
requests=$("$root/dist/cloudmetrics" "${args[@]}" --dry-run | sed -n 's/^Total: \([0-9]*\) request.*/\1/p')

# The launcher's own defaults, so the figures are what users get; no class-data archive built beside.
opts="${CLOUDMETRICS_JAVA_OPTS:-$(sed -n 's/^default_java_opts="\(.*\)"$/\1/p' "$root/dist/cloudmetrics")}"
export CLOUDMETRICS_CDS=off
start=$(date +%s.%N)
CLOUDMETRICS_JAVA_OPTS="$opts -Xlog:gc:file=$work/gc.log" /usr/bin/time -v -o "$work/time" \
  "$root/dist/cloudmetrics" "${args[@]}" 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
end=$(date +%s.%N)

rows=$(($(wc -l < "$work/out.csv") - 1))
seconds=$(echo "$end - $start" | bc -l)
rss_kib=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
# GC lines end "...) 40M->6M(64M) 3.1ms": in use before -> after (capacity).
peak=$(grep -o '[0-9]*M->[0-9]*M' "$work/gc.log" | cut -dM -f1 | sort -n | tail -1)

printf 'window      %s days, 1-minute buckets, %s streams, --per-stream, CN\n' "$days" "$streams"
printf 'requests    %s in %.1f s: %.1f requests/s (--rate %s, --concurrency %s)\n' "$requests" "$seconds" \
  "$(echo "$requests / $seconds" | bc -l)" "$rate" "$concurrency"
printf 'rows        %s: %.0f rows/s\n' "$rows" "$(echo "$rows / $seconds" | bc -l)"
printf 'client      peak RSS %s MiB, heap in use at most %s MiB (JVM options: %s)\n' \
  "$((rss_kib / 1024))" "${peak:-?}" "$opts"
