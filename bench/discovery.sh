#!/usr/bin/env bash
# Benchmark of discovery (not a test: it prints figures, it asserts nothing): what --app-id all
# and --top N cost over naming the apps or streams, against the emulator with the RTC limit of
# 2 requests per second it documents. Each pair runs the same query; the difference is the
# discovery request(s) and, for RTC, the pacing they share with the data requests.
#
#   bench/discovery.sh [RUNS]
#
# Needs hyperfine (apt-get install -y hyperfine).
set -euo pipefail

runs=${1:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'kill "$emulator" 2>/dev/null || true; rm -rf "$work"' EXIT

(cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package >&2)
cli="$root/dist/cloudmetrics"

java -jar "$root/target/cloudmetrics.jar" emulator --port 0 > "$work/banner" &
emulator=$!
for _ in $(seq 100); do grep -q 'http://127.0.0.1:' "$work/banner" 2>/dev/null && break; sleep 0.1; done
endpoint=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/banner" | head -1)
eval "$(sed -n 's/^ *export /export /p' "$work/banner")"

apps=$("$cli" rtc list-realtime --endpoint "$endpoint" --app-id all --last 1m -i online_user_count -f csv \
  | tail -n +2 | cut -d, -f2 | sort -u | paste -sd, -)
top5=$("$cli" cdn online-users --endpoint "$endpoint" --top 5 --per-stream -g 1m --last 10m -f csv \
  | tail -n +2 | cut -d, -f2 | awk '!seen[$0]++' | paste -sd, -)
echo "apps listed: $apps" >&2
echo "top 5 streams: $top5" >&2

hyperfine --runs "$runs" --warmup 1 --export-markdown "$work/rtc.md" \
  -n "rtc, $(tr ',' '\n' <<<"$apps" | wc -l) apps named" \
  "$cli rtc list-realtime --endpoint $endpoint --app-id $apps --last 1m -f csv -o $work/a.csv" \
  -n "rtc, --app-id all" \
  "$cli rtc list-realtime --endpoint $endpoint --app-id all --last 1m -f csv -o $work/b.csv" >&2
hyperfine --runs "$runs" --warmup 1 --export-markdown "$work/cdn.md" \
  -n "cdn, 5 streams named" \
  "$cli cdn online-users --endpoint $endpoint -s $top5 --per-stream --last 1h -f csv -o $work/c.csv" \
  -n "cdn, --top 5" \
  "$cli cdn online-users --endpoint $endpoint --top 5 --per-stream --last 1h -f csv -o $work/d.csv" \
  -n "cdn, --top 240 --domain-ids all" \
  "$cli cdn online-users --endpoint $endpoint --top 240 --domain-ids all --per-stream --last 1h -f csv -o $work/e.csv" >&2
cat "$work/rtc.md" "$work/cdn.md"
