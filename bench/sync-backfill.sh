#!/usr/bin/env bash
# Benchmark of --sync (not a test: it prints figures, it asserts nothing). A per-stream, 1-minute
# CDN backfill of DAYS days x STREAMS streams from the emulator, three ways with the same plan:
# -f csv > /dev/null (the baseline), --sync into SQLite, --sync into PostgreSQL (a throw-away
# server started here from Debian's postgresql package, as the tests do). Prints wall time,
# rows/s and peak RSS of each, and the slowdown against the baseline. Then the hourly cron run:
# the last hour is taken out of the SQLite history (what DEST looks like an hour after its last
# run) and one --sync run brings it up to date: requests sent and wall time.
#
#   bench/sync-backfill.sh [DAYS] [STREAMS] [RATE] [CONCURRENCY]     (default 30 100 1000 4)
set -euo pipefail

days=${1:-30}
streams=${2:-100}
rate=${3:-1000}
concurrency=${4:-4}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  kill "$emulator" 2>/dev/null || true
  [[ -d "$work/pg" ]] && as_pg "$pg_bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

(cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package >&2)
jar="$root/target/cloudmetrics.jar"

source "$root/bench/emulator.sh"
start_emulator "$jar" "$work"

for i in $(seq "$streams"); do echo "rtmp://bench.example/live/channel-$i"; done > "$work/streams.txt"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/pg" && chmod 700 "$work/pg"
[[ $(id -u) == 0 ]] && chown postgres: "$work" "$work/pg" && chmod 755 "$work"
as_pg "$pg_bin/initdb" -D "$work/pg" -U postgres -A trust --no-sync >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$work/pg" -w -l "$work/pg.log" \
  -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc 'CREATE DATABASE bench' >/dev/null

args=(cdn online-users --endpoint "$endpoint" --streams-file "$work/streams.txt" --per-stream -g 1m
  --last "${days}d" --rate "$rate" --concurrency "$concurrency")
export CLOUDMETRICS_CDS=off

# measure NAME CMD...: wall seconds and peak RSS (MiB) into $seconds and $rss
measure() {
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$work/time.$name" "$@" 2> "$work/err.$name" > /dev/null \
    || { cat "$work/err.$name" >&2; exit 1; }
  end=$(date +%s.%N)
  seconds=$(echo "$end - $start" | bc -l)
  rss=$(( $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.$name") / 1024 ))
}

echo "load before: $(uptime)"
measure csv "$root/dist/cloudmetrics" "${args[@]}" -f csv
csv_seconds=$seconds; csv_rss=$rss
measure sqlite "$root/dist/cloudmetrics" "${args[@]}" --sync "$work/history.db"
sqlite_seconds=$seconds; sqlite_rss=$rss
rows=$(sqlite3 "$work/history.db" 'SELECT COUNT(*) FROM cdn_online_users')
measure postgresql "$root/dist/cloudmetrics" "${args[@]}" --sync "postgresql://postgres@127.0.0.1:$port/bench"
pg_seconds=$seconds; pg_rss=$rss
echo "load after:  $(uptime)"

printf 'backfill    %s days, 1-minute buckets, %s streams, --per-stream, CN: %s rows (--rate %s, --concurrency %s)\n' \
  "$days" "$streams" "$rows" "$rate" "$concurrency"
for kind in csv sqlite pg; do
  s=${kind}_seconds; r=${kind}_rss
  printf '%-11s %6.1f s  %8.0f rows/s  peak RSS %4s MiB  %+5.0f%% against -f csv\n' "$kind" "${!s}" \
    "$(echo "$rows / ${!s}" | bc -l)" "${!r}" "$(echo "(${!s} / $csv_seconds - 1) * 100" | bc -l)"
done

# An hour later: take the last hour out, as if the last run was an hour ago, and run once more.
hour_ago=$(( $(date +%s) - 3600 ))
sqlite3 "$work/history.db" "DELETE FROM cdn_online_users WHERE time >= $hour_ago"
start=$(date +%s.%N)
"$root/dist/cloudmetrics" -v "${args[@]}" --sync "$work/history.db" 2> "$work/err.hourly"
end=$(date +%s.%N)
printf 'hourly run  %s streams after one hour: %s requests, %.2f s (SQLite)\n' "$streams" \
  "$(grep -c 'GetLiveOnlineUserDataByStream' "$work/err.hourly")" "$(echo "$end - $start" | bc -l)"
