#!/usr/bin/env bash
# Load test of the API on 127.0.0.1 (bounded: DURATION seconds per run, default 10).
# Prints requests/s, p50 and p99 latency and server RSS for GET and POST
# /api/v1/assessments at 64 and 512 connections, and beside them the baselines measured in
# the same run on the same disk: plain SQLite inserting one row per transaction with the
# same durability, idle RSS, and the time to the first request after start.
set -euo pipefail
BUILD=${BUILD:-build}
DURATION=${DURATION:-10}
bin="$BUILD/securebase"
command -v wrk >/dev/null || { echo "loadtest: wrk is not installed (scripts/install-deps)"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sb-load-XXXXXX")
token=bench-token-0123456789abcdef
port=18643
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

rss_mb() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "disk: $(df -h "$tmp" | awk 'NR==2 {print $1, $2}')"
echo
echo "first request after start: $("$BUILD/bench/startup_probe" "$bin" "$tmp/startup.db" | awk '{print $2}') ms (target < 100)"
echo "baseline, SQLite one row per transaction (WAL, synchronous=FULL): $("$BUILD/bench/sqlite_baseline" "$tmp/baseline.db" 5 | awk '{print $2}') rows/s"

"$bin" --db "$tmp/load.db" serve --port $port --token $token >/dev/null 2>"$tmp/access.log" &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.05; done
sleep 1
echo "idle RSS: $(rss_mb $server) MB (target < 30)"
# Seed some history so reads return real pages.
for _ in $(seq 1 60); do
  curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"instrument":"crr-general","answers":{"crr_g_01":3},"complete":false}' \
    "http://127.0.0.1:$port/api/v1/assessments"
done
echo
printf '%-6s %-5s %12s %9s %9s %9s\n' method conns "requests/s" p50 p99 "RSS MB"
for conns in 64 512; do
  for method in GET POST; do
    script=()
    [ $method = POST ] && script=(-s bench/loadtest/post_assessment.lua)
    out=$(wrk -t2 -c$conns -d${DURATION}s --latency "${script[@]}" -H "Authorization: Bearer $token" \
          "http://127.0.0.1:$port/api/v1/assessments?limit=10")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1=="50%" {print $2}')
    p99=$(echo "$out" | awk '$1=="99%" {print $2}')
    errors=$(echo "$out" | grep -E 'Non-2xx|Socket errors' | tr '\n' ' ' || true)
    printf '%-6s %-5s %12s %9s %9s %9s %s\n' $method $conns "$rps" "$p50" "$p99" "$(rss_mb $server)" "$errors"
  done
done
