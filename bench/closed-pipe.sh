#!/usr/bin/env bash
# How many requests a planned run sends when its reader goes away after one line
# ('cloudmetrics ... | head -1'), counted by the client's -v (one line per answered request; those
# in flight when it ends are not counted). Not a test: it prints the figures. The issue measured
# 41 of 41 before stdout failures were checked.
#
#   bench/closed-pipe.sh [JAR] [STREAMS]
#
# JAR defaults to this checkout's target/cloudmetrics.jar (give another build's to compare).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
jar=${1:-$root/target/cloudmetrics.jar}
streams=${2:-40}
work=$(mktemp -d)
trap 'kill "$emulator" 2>/dev/null || true; rm -rf "$work"' EXIT

[[ -f "$jar" ]] || (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package >&2)

source "$root/bench/emulator.sh"
start_emulator "$jar" "$work"

for i in $(seq "$streams"); do echo "rtmp://bench.example/live/channel-$i"; done > "$work/streams.txt"
args=(cdn online-users --endpoint "$endpoint" --streams-file "$work/streams.txt" --per-stream -g 1 --last 7d
  -f csv --rate 100)
planned=$(java -jar "$jar" "${args[@]}" --dry-run | sed -n 's/^Plan: \([0-9]*\) request.*/\1/p')
set +o pipefail
start=$(date +%s.%N)
java -jar "$jar" -v "${args[@]}" 2> "$work/requests" | head -1 > /dev/null
status=${PIPESTATUS[0]}
end=$(date +%s.%N)
set -o pipefail
sent=$(grep -c 'POST GetLiveOnlineUserDataByStream' "$work/requests" || true)
printf 'plan: %s requests; sent with | head -1: %s; exit %s; %.1f s\n' "$planned" "$sent" "$status" \
  "$(echo "$end - $start" | bc)"
