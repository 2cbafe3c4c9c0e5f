#!/usr/bin/env bash
# End-to-end batch scoring speed: 1,000,000 random ECR-R rows (id + 36 answers, about 2%
# blank) through `securebase assess score`, pinned to one core, next to baselines measured in
# the same run: the I/O floor (cat and wc -l of the same file) and, when R with psych and
# data.table is installed, data.table::fread + psych::scoreItems (scores checked to 1e-4).
#
#   BUILD=build ROWS=1000000 bench/score_1m.sh
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
ROWS=${ROWS:-1000000}
BIN=$BUILD/securebase
if [[ ! -x $BIN ]]; then
  echo "score_1m: $BIN is not built; run 'make build' (or set BUILD)" >&2
  exit 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/securebase-score1m.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
# Keep the person's own data and config out of it.
export SECUREBASE_DB=$TMP/data/securebase.db XDG_DATA_HOME=$TMP/data XDG_CONFIG_HOME=$TMP/config

PIN=()
if command -v taskset >/dev/null && taskset -c 0 true 2>/dev/null; then PIN=(taskset -c 0); fi

IN=$TMP/answers.csv
echo "Generating $ROWS random ECR-R rows..."
awk -v n="$ROWS" 'BEGIN {
  srand(42)
  h = "id"
  for (i = 1; i <= 36; i++) h = h sprintf(",ecrr_%02d", i)
  print h
  for (r = 1; r <= n; r++) {
    line = "p" r
    for (i = 1; i <= 36; i++) {
      if (rand() < 0.02) line = line ","
      else line = line "," int(1 + rand() * 7)
    }
    print line
  }
}' >"$IN"

# Runs the command three times; prints "wall cpu" in seconds for the run with the best wall
# time (cpu = user + system, which shows when other processes were competing for the core).
best_of_3() {
  local best="" best_cpu="" start end ns cpu
  for _ in 1 2 3; do
    start=$(date +%s%N)
    if [[ -x /usr/bin/time ]]; then
      /usr/bin/time -f "%U %S" -o "$TMP/time" "$@" >/dev/null
      cpu=$(awk '{ printf "%.3f", $1 + $2 }' "$TMP/time")
    else
      "$@" >/dev/null
      cpu="?"
    fi
    end=$(date +%s%N)
    ns=$((end - start))
    if [[ -z $best || $ns -lt $best ]]; then
      best=$ns
      best_cpu=$cpu
    fi
  done
  awk -v ns="$best" -v cpu="$best_cpu" 'BEGIN { printf "%.3f %s", ns / 1e9, cpu }'
}

row() {  # label "wall cpu" [note]
  local wall=${2% *} cpu=${2#* }
  awk -v label="$1" -v s="$wall" -v cpu="$cpu" -v rows="$ROWS" -v note="${3:-}" \
    'BEGIN { printf "  %-40s %7.3f s %7s s %8.2f M rows/s  %s\n", label, s, cpu, rows / s / 1e6, note }'
}

SCORE=("${PIN[@]}" "$BIN" assess score --instrument ecr-r --input "$IN")
cat_t=$(best_of_3 "${PIN[@]}" cat "$IN")
wc_t=$(best_of_3 "${PIN[@]}" wc -l "$IN")
csv_t=$(best_of_3 "${SCORE[@]}" --output "$TMP/scores.csv")
json_t=$(best_of_3 "${SCORE[@]}" --output "$TMP/scores.json" --format json)

scored=$(($(wc -l <"$TMP/scores.csv") - 1))
if [[ $scored -ne $ROWS ]]; then
  echo "score_1m: expected $ROWS rows of scores, got $scored" >&2
  exit 1
fi

echo
echo "Batch scoring, $ROWS ECR-R rows ($(du -m "$IN" | cut -f1) MB), best of 3, ${PIN[*]:-not pinned}"
echo "  machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf "  %-40s %9s %9s %17s\n" "" "wall" "cpu" "rows/s (wall)"
row "cat file >/dev/null (I/O floor)" "$cat_t"
row "wc -l file" "$wc_t"
row "securebase assess score (CSV out)" "$csv_t"
row "securebase assess score --format json" "$json_t"

if command -v Rscript >/dev/null &&
  Rscript -e 'suppressMessages({library(psych); library(data.table)})' >/dev/null 2>&1; then
  cat >"$TMP/score.R" <<'EOF'
suppressMessages({library(psych); library(data.table)})
args <- commandArgs(TRUE)
items <- sprintf("ecrr_%02d", 1:36)
# ECR-R reverse-keyed items (docs/instruments.md, content/instruments/ecr-r.json).
reversed <- c(9, 11, 20, 22, 26:31, 33:36)
key <- function(numbers) ifelse(numbers %in% reversed, paste0("-", items[numbers]), items[numbers])
keys <- list(anxiety = key(1:18), avoidance = key(19:36))
start <- Sys.time()
d <- fread(args[1], na.strings = "")
s <- scoreItems(keys, as.data.frame(d)[items], impute = "none", min = 1, max = 7)$scores
fwrite(data.table(id = d$id, s), args[2])
seconds <- as.numeric(difftime(Sys.time(), start, units = "secs"))
ours <- fread(args[3])
stopifnot(identical(as.character(ours$id), as.character(d$id)))
both <- !is.na(ours$anxiety) & !is.na(ours$avoidance)
diff <- max(abs(ours$anxiety[both] - s[both, "anxiety"]), abs(ours$avoidance[both] - s[both, "avoidance"]))
cat(sprintf("seconds %.3f\ncompared %d\nmaxdiff %.3g\n", seconds, sum(both), diff))
EOF
  r_out=$("${PIN[@]}" Rscript "$TMP/score.R" "$IN" "$TMP/r_scores.csv" "$TMP/scores.csv")
  r_s=$(awk '$1 == "seconds" { print $2 }' <<<"$r_out")
  csv_s=${csv_t% *}
  compared=$(awk '$1 == "compared" { print $2 }' <<<"$r_out")
  maxdiff=$(awk '$1 == "maxdiff" { print $2 }' <<<"$r_out")
  ratio=$(awk -v r="$r_s" -v s="$csv_s" 'BEGIN { printf "%.1f", r / s }')
  row "R: fread + psych::scoreItems + fwrite" "$r_s ?" "(one run; securebase is ${ratio}x faster)"
  if awk -v d="$maxdiff" 'BEGIN { exit !(d <= 1e-4) }'; then
    echo "  scores agree with psych::scoreItems on $compared rows (largest difference $maxdiff)"
  else
    echo "score_1m: scores differ from psych::scoreItems by up to $maxdiff" >&2
    exit 1
  fi
else
  echo "  R with psych and data.table is not installed: skipped the R comparison"
fi
