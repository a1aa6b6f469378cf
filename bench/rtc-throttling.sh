#!/usr/bin/env bash
# Whether RTC's 2 requests per second are kept where they arrive: RUNS runs (default 20) of
# `rtc list-realtime` for APPS apps (default 5) against the emulator, which counts each key's
# arrivals over the last second, as the service does. Prints the throttled attempts (429
# FlowLimitExceeded, retried by the tool) and the request rate each run achieved.
#   bench/rtc-throttling.sh [RUNS] [APPS] [MORE OPTIONS...]
# (--rate 2.2 spaces requests 500 ms apart, as the tool did before it kept a margin.)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cm="$root/dist/cloudmetrics"
runs=${1:-20}
apps=${2:-5}
work=$(mktemp -d)
emulator_pid=
cleanup() {
  [[ -n "$emulator_pid" ]] && kill "$emulator_pid" 2>/dev/null && wait "$emulator_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

"$cm" emulator --port 0 > "$work/emulator.out" 2>"$work/emulator.err" &
emulator_pid=$!
for ((i = 0; i < 600; i++)); do
  grep -q 'stand-ins on ' "$work/emulator.out" 2>/dev/null && break
  sleep 0.1
done
endpoint=$(sed -n 's/.*stand-ins on \(http[^ ]*\).*/\1/p' "$work/emulator.out")
[[ -n "$endpoint" ]] || { echo "the emulator did not start: $(cat "$work/emulator.err")"; exit 1; }
while read -r _ assignment; do
  export "${assignment?}"
done < <(grep '^ *export ' "$work/emulator.out")

app_ids=$(seq -f 'app%g' -s, 1 "$apps")
total=0
for ((run = 1; run <= runs; run++)); do
  # The budget is the account's, across processes: a run starting within a second of the last one's
  # final requests would be throttled for what the previous process sent.
  sleep 1.1
  started=$(date +%s%N)
  "$cm" rtc list-realtime --endpoint "$endpoint" --app-id "$app_ids" --last 10m -f csv -v "${@:3}" \
    > /dev/null 2> "$work/run.err" || { echo "run $run failed: $(tail -1 "$work/run.err")"; exit 1; }
  ended=$(date +%s%N)
  throttled=$(grep -c 'FlowLimitExceeded' "$work/run.err" || true)
  grep 'FlowLimitExceeded' "$work/run.err" | sed 's/^/    /' || true
  sent=$(grep -c ' ListRealTimeOperationData [0-9]' "$work/run.err" || true)
  total=$((total + throttled))
  awk -v r="$run" -v t="$throttled" -v s="$sent" -v ns=$((ended - started)) \
    'BEGIN { printf "run %2d: %d requests, %d throttled, %.2f s\n", r, s, t, ns / 1e9 }'
done
echo "throttled attempts over $runs runs of $apps apps: $total"
