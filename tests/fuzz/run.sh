#!/usr/bin/env bash
# Fuzzes the importers' parsers with libFuzzer (clang, AddressSanitizer, UBSan).
#
#   tests/fuzz/run.sh [SECONDS_PER_TARGET] [TARGET ...]
#
# Targets: daylio jrnl mapped_csv ours seal_header (default: all, 600 seconds each).
# Seeds are read from tests/fuzz/corpus/<target>/ (small, committed); what the fuzzer
# finds goes to $FUZZ_BUILD/corpus/<target>/ (default build-fuzz/), with a log per target.
# A crash or hang stops that target and leaves crash-*/timeout-* files in $FUZZ_BUILD.
# Not part of CI. Results so far: docs/fuzzing.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(daylio jrnl mapped_csv ours seal_header)
if ! command -v clang++ >/dev/null; then
  echo "clang++ is not installed. It is only needed for fuzzing; install it with:" >&2
  echo "  sudo apt-get install clang" >&2
  exit 2
fi
out=${FUZZ_BUILD:-$root/build-fuzz}
mkdir -p "$out/obj"
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
cflags="-std=c++20 -g -O1 -fno-omit-frame-pointer $san -I$root/src"
libs="-lboost_json -lfmt -lsodium -lz"
p=$root/src/portability
sources=("$p"/csv.cc "$p"/incoming.cc "$p"/digest.cc "$p"/parse_daylio.cc "$p"/parse_jrnl.cc
         "$p"/parse_mapped_csv.cc "$p"/parse_ours.cc "$p"/zip.cc "$p"/sealed.cc "$p"/kinds.cc
         "$p"/kinds/*.cc)
objs=()
for s in "${sources[@]}"; do
  o="$out/obj/$(basename "$(dirname "$s")")_$(basename "$s" .cc).o"
  if [ ! -f "$o" ] || [ "$s" -nt "$o" ]; then
    echo "compiling $(basename "$s")"
    clang++ $cflags -fsanitize=fuzzer-no-link -c "$s" -o "$o"
  fi
  objs+=("$o")
done
status=0
for t in "${targets[@]}"; do
  src=$root/tests/fuzz/${t}_fuzz.cc
  [ -f "$src" ] || { echo "no such target: $t" >&2; exit 2; }
  clang++ $cflags -fsanitize=fuzzer "$src" "${objs[@]}" $libs -o "$out/${t}_fuzz"
  mkdir -p "$out/corpus/$t" "$root/tests/fuzz/corpus/$t"
  echo "== $t: ${secs}s"
  (cd "$out" && "./${t}_fuzz" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 "corpus/$t" "$root/tests/fuzz/corpus/$t") \
      >"$out/$t.log" 2>&1 || { status=1; echo "!! $t found a problem: see $out/$t.log"; }
  grep -E "^#[0-9]+.*(DONE|cov:)" "$out/$t.log" | tail -1 || true
  grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb" \
    "$out/$t.log" || true
done
exit $status
