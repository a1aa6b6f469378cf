#!/usr/bin/env bash
# What the checks of the exporter's operations content (dist/) cost CI, as medians of N runs:
#   promtool check rules, promtool test rules, systemd-analyze verify of the unit, and a real
#   Prometheus (as the tests' serve/PrometheusServer starts it) from start to ready and to its
#   first scrape (the `up` series of a target; 1-second scrape interval).
#
# Usage: bench/ops-checks.sh [RUNS]    RUNS defaults to 10.
# Needs promtool and prometheus (apt-get install prometheus), curl, and systemd-analyze if present.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
work=$(mktemp -d)
prometheus_pid=
cleanup() {
  if [[ -n "$prometheus_pid" ]]; then kill "$prometheus_pid" 2>/dev/null && wait "$prometheus_pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Runs "$@" RUNS times and prints the median wall time in ms.
timed() {
  for _ in $(seq "$runs"); do
    local start; start=$(now_ms)
    "$@" > /dev/null 2>&1
    echo $(( $(now_ms) - start ))
  done | median
}

printf '%-46s %s\n' "check ($runs runs)" "median ms"
printf '%-46s %s\n' "promtool check rules dist/prometheus-rules.yml" "$(timed promtool check rules dist/prometheus-rules.yml)"
printf '%-46s %s\n' "promtool test rules (every alert's cases)" "$(timed promtool test rules dist/prometheus-rules.test.yml)"
if command -v systemd-analyze > /dev/null; then
  sed "s#/opt/cloudmetrics/bin/cloudmetrics#$PWD/dist/cloudmetrics#" dist/cloudmetrics.service > "$work/cloudmetrics.service"
  printf '%-46s %s\n' "systemd-analyze verify cloudmetrics.service" "$(timed systemd-analyze verify "$work/cloudmetrics.service")"
fi

port=$(( 20000 + RANDOM % 20000 ))
cat > "$work/prometheus.yml" <<YAML
global: {scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s}
rule_files: ["$PWD/dist/prometheus-rules.yml"]
scrape_configs:
  - job_name: cloudmetrics
    static_configs: [{targets: ["127.0.0.1:1"]}]
YAML
ready=() scraped=()
for _ in $(seq "$runs"); do
  rm -rf "$work/data"
  start=$(now_ms)
  prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
    --web.listen-address=127.0.0.1:$port --log.level=warn > "$work/log" 2>&1 &
  prometheus_pid=$!
  until curl -sf "127.0.0.1:$port/-/ready" > /dev/null; do sleep 0.02; done
  ready+=($(( $(now_ms) - start )))
  until curl -sf "127.0.0.1:$port/api/v1/query?query=up" | grep -q '"instance"'; do sleep 0.02; done
  scraped+=($(( $(now_ms) - start )))
  kill "$prometheus_pid" && wait "$prometheus_pid" || true
  prometheus_pid=
done
printf '%-46s %s\n' "prometheus start to /-/ready" "$(printf '%s\n' "${ready[@]}" | median)"
printf '%-46s %s\n' "prometheus start to the first scraped series" "$(printf '%s\n' "${scraped[@]}" | median)"
