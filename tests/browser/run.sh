#!/usr/bin/env bash
# Runs the browser tests against a fresh SecureBase.
#
#   SECUREBASE_BIN=/path/to/securebase tests/browser/run.sh   # the real server
#     (SECUREBASE_WEB_ROOT=web/dist also passes --web-root, to test a fresh build)
#   tests/browser/run.sh                                      # the mock server (builds web/ first)
#   SECUREBASE_URL=http://127.0.0.1:PORT SECUREBASE_TOKEN=T tests/browser/run.sh
#                                                             # a server you started yourself
#   SECUREBASE_BROWSER_TESTS="trust.test.mjs talk.test.mjs"   # only some test files
#
# With SECUREBASE_BIN, each test file gets its own server and empty database (so files do
# not see each other's data): `$SECUREBASE_BIN --db TMP/db-N serve --port 0 --token TOKEN`;
# the script reads the port from "SecureBase is running at http://127.0.0.1:PORT/?token=...",
# waits for /api/v1/health, runs the file (node --test) and stops the server.
# Screenshots go to tests/artifacts/. Chromium is Debian's /usr/bin/chromium.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"

if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

tmp="$(mktemp -d)"
server_pid=""
cleanup_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
}
cleanup() {
  cleanup_server
  rm -rf "$tmp"
}
trap cleanup EXIT

# Starts a fresh server (own database) for one test file; sets SECUREBASE_URL/TOKEN.
start_server() {
  local n="$1"
  token="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  log="$tmp/server-$n.log"
  if [ -n "${SECUREBASE_BIN:-}" ]; then
    extra=()
    # SECUREBASE_WEB_ROOT serves a web/dist folder instead of the embedded one (development).
    if [ -n "${SECUREBASE_WEB_ROOT:-}" ]; then extra=(--web-root "$SECUREBASE_WEB_ROOT"); fi
    # --db is the binary's global option, so it goes before the subcommand (that form works
    # whether or not options fall through to subcommands).
    SECUREBASE_DB="$tmp/db-$n" "$SECUREBASE_BIN" --db "$tmp/db-$n" serve --port 0 --token "$token" "${extra[@]}" \
      >"$log" 2>&1 &
  else
    node "$here/mock-server.mjs" --port 0 --token "$token" --dist "$root/web/dist" >"$log" 2>&1 &
  fi
  server_pid=$!

  base=""
  for _ in $(seq 1 300); do
    base="$(grep -oE 'running at http://127\.0\.0\.1:[0-9]+' "$log" | head -n1 | sed 's/^running at //' || true)"
    [ -n "$base" ] && break
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "browser tests: the server exited early:" >&2
      cat "$log" >&2
      exit 1
    fi
    sleep 0.1
  done
  if [ -z "$base" ]; then
    echo "browser tests: the server did not print its address within 30 s:" >&2
    cat "$log" >&2
    exit 1
  fi

  healthy=""
  for _ in $(seq 1 150); do
    if node -e "fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" "$base/api/v1/health"; then
      healthy=1
      break
    fi
    sleep 0.2
  done
  if [ -z "$healthy" ]; then
    echo "browser tests: $base/api/v1/health did not answer:" >&2
    cat "$log" >&2
    exit 1
  fi
  export SECUREBASE_URL="$base" SECUREBASE_TOKEN="$token"
}

stop_server() {
  cleanup_server
  server_pid=""
}

own_server=""
if [ -n "${SECUREBASE_BIN:-}" ] || [ -z "${SECUREBASE_URL:-}" ]; then
  own_server=1
  if [ -n "${SECUREBASE_BIN:-}" ]; then
    echo "browser tests: each file gets a fresh $SECUREBASE_BIN and database"
  else
    echo "browser tests: SECUREBASE_BIN is unset, using the mock server"
    if [ ! -d "$root/web/node_modules" ]; then (cd "$root/web" && npm ci --no-audit --no-fund --loglevel=error); fi
    (cd "$root/web" && npm run --silent build >/dev/null)
  fi
fi

# SECUREBASE_BROWSER_TESTS="a.test.mjs b.test.mjs" runs only those files (while developing).
files=()
for f in ${SECUREBASE_BROWSER_TESTS:-*.test.mjs}; do files+=("$here/$f"); done

rc=0
n=0
for file in "${files[@]}"; do
  n=$((n + 1))
  [ -n "$own_server" ] && start_server "$n"
  echo "browser tests: $(basename "$file") on $SECUREBASE_URL"
  set +e
  node --test --test-concurrency=1 --test-reporter=spec "$file"
  file_rc=$?
  set -e
  if [ "$file_rc" -ne 0 ]; then
    rc=$file_rc
    if [ -n "$own_server" ] && [ -s "$log" ]; then
      echo "--- server log for $(basename "$file") (last 50 lines) ---" >&2
      tail -n 50 "$log" >&2
    fi
  fi
  [ -n "$own_server" ] && stop_server
done
exit "$rc"
