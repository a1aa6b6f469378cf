#!/usr/bin/env bash
# Benchmark of the exporter (--serve) against the emulator (not a test: it prints figures, it
# asserts nothing). For 1,000 and 10,000 per-stream CDN series (-g 1m): scrape latency p50/p99
# under 10 concurrent scrapers (wrk, plain text and gzip); then a soak of SOAK_MINUTES with 10,000
# series scraped every second: the exporter's RSS over it, and its API requests per hour per series
# against the fewest the bucket schedule needs (one request per final bucket: 10,000 series of one
# bucket fit in one request). Needs wrk (apt-get install -y wrk) and curl.
#
#   bench/serve-scrape.sh [SOAK_MINUTES]      (default 10)
#
# The machine's load is printed with the figures: other work on it moves them.
set -euo pipefail

soak_minutes=${1:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "bench/serve-scrape.sh: needs wrk (apt-get install -y wrk)" >&2; exit 2; }
(cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package >&2)
jar="$root/target/cloudmetrics.jar"

java -jar "$jar" emulator --port 0 > "$work/banner" &
pids+=($!)
for _ in $(seq 100); do grep -q 'http://127.0.0.1:' "$work/banner" 2>/dev/null && break; sleep 0.1; done
endpoint=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/banner" | head -1)
eval "$(sed -n 's/^ *export /export /p' "$work/banner")"
export CLOUDMETRICS_CDS=off

# Starts an exporter of $1 series; sets $url and $exporter once all of them are served.
serve() {
  local streams=$1
  for i in $(seq "$streams"); do echo "rtmp://bench.example/live/channel-$i"; done > "$work/streams-$streams.txt"
  "$root/dist/cloudmetrics" cdn online-users --endpoint "$endpoint" --streams-file "$work/streams-$streams.txt" \
    --per-stream -g 1m --last 10m --rate 1000 --serve 127.0.0.1:0 2> "$work/serve-$streams.err" &
  exporter=$!
  pids+=("$exporter")
  for _ in $(seq 600); do grep -q 'serving http' "$work/serve-$streams.err" 2>/dev/null && break; sleep 0.1; done
  url=$(grep -o 'http://127.0.0.1:[0-9]*/metrics' "$work/serve-$streams.err")
  for _ in $(seq 600); do
    [[ $(curl -s "$url" | grep -c '^cloudmetrics_cdn_online_users{') -ge $streams ]] && return
    sleep 0.2
  done
  echo "bench/serve-scrape.sh: the exporter did not serve $streams series" >&2
  exit 1
}

# wrk's latency distribution: "50%  1.23ms" -> 1.23ms
percentile() { sed -n "s/^ *$1% *\([0-9.]*[a-z]*\)$/\1/p" "$2"; }

echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"
for streams in 1000 10000; do
  serve "$streams"
  wrk -t2 -c10 -d5s "$url" > /dev/null # warm-up: the JIT
  bytes=$(curl -s "$url" | wc -c)
  gz=$(curl -s -H 'Accept-Encoding: gzip' "$url" | wc -c)
  wrk -t2 -c10 -d20s --latency "$url" > "$work/plain.txt"
  wrk -t2 -c10 -d20s --latency -H 'Accept-Encoding: gzip' "$url" > "$work/gzip.txt"
  printf '%6s series: body %s KiB (gzip %s KiB); 10 scrapers: plain p50 %s p99 %s (%s scrapes/s), gzip p50 %s p99 %s (%s scrapes/s)\n' \
    "$streams" "$((bytes / 1024))" "$((gz / 1024))" \
    "$(percentile 50 "$work/plain.txt")" "$(percentile 99 "$work/plain.txt")" \
    "$(sed -n 's/^Requests\/sec: *\([0-9]*\).*/\1/p' "$work/plain.txt")" \
    "$(percentile 50 "$work/gzip.txt")" "$(percentile 99 "$work/gzip.txt")" \
    "$(sed -n 's/^Requests\/sec: *\([0-9]*\).*/\1/p' "$work/gzip.txt")"
  [[ $streams == 10000 ]] || { kill "$exporter"; wait "$exporter" 2>/dev/null || true; }
done
echo "load after the scrapes: $(uptime | sed 's/.*load average/load average/')"

# The soak: the 10,000-series exporter, one scrape a second, RSS every 10 s.
requests() {
  curl -s "$url" | awk '/^cloudmetrics_api_requests_total\{api="cdn"/ { n += $2 } END { printf "%d", n }'
}
first_requests=$(requests)
start=$(date +%s)
rss=()
end=$((start + soak_minutes * 60))
while (( $(date +%s) < end )); do
  for _ in $(seq 10); do curl -s -o /dev/null "$url"; sleep 1; done
  rss+=("$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$exporter/status")")
done
elapsed=$(($(date +%s) - start))
last_requests=$(requests)
sorted=$(printf '%s\n' "${rss[@]}" | sort -n)
printf 'soak: %s min, 10000 series, 1 scrape/s: RSS MiB first %s, least %s, most %s, last %s\n' "$soak_minutes" \
  "${rss[0]}" "$(head -1 <<< "$sorted")" "$(tail -1 <<< "$sorted")" "${rss[${#rss[@]}-1]}"
made=$((last_requests - first_requests))
printf 'API requests: %s in %s s = %.1f per hour for 10000 series (%.4f per series and hour); the bucket schedule needs 60 per hour (one per 1-minute bucket: %.4f per series and hour)\n' \
  "$made" "$elapsed" "$(echo "$made * 3600 / $elapsed" | bc -l)" "$(echo "$made * 3600 / $elapsed / 10000" | bc -l)" \
  "$(echo "60 / 10000" | bc -l)"
echo "load at the end: $(uptime | sed 's/.*load average/load average/')"
