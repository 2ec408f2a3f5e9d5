#!/usr/bin/env bash
# Builds the libFuzzer targets (preset "fuzz": clang-14, ASan + UBSan) and, for each target, runs its committed
# corpus (tests/fuzz/corpus/<target>) as a regression test, then fuzzes it for SECONDS (default 60; 0 = corpus only).
# New corpus entries go to the git-ignored build/fuzz-work/<target>; a crash, leak or timeout input is saved
# into tests/fuzz/corpus/<target>/ so that it is kept as a regression test. Prints one line per target,
# "ok <target> ..." or "FAIL <target> ...", and exits non-zero when any target failed.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SECONDS_EACH="${1:-60}"
[[ "$SECONDS_EACH" =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 2; }
cd "$ROOT"
BIN="$ROOT/build/fuzz"; WORK="$ROOT/build/fuzz-work"; CORPUS="$ROOT/tests/fuzz/corpus"
mkdir -p "$WORK"
if ! (cmake --preset fuzz >/dev/null && cmake --build --preset fuzz -j2) > "$WORK/build.log" 2>&1; then
  tail -n 30 "$WORK/build.log"; echo "FAIL fuzz build"; exit 1
fi

# target  -max_len  dictionary
TARGETS=(
  "fuzz_markdown 8192 markdown.dict"
  "fuzz_config 4096 json.dict"
  "fuzz_state 1024 json.dict"
  "fuzz_layout 2048 -"
)
failed=0
for spec in "${TARGETS[@]}"; do
  read -r target maxlen dict <<< "$spec"
  log="$WORK/$target.log"
  mkdir -p "$WORK/$target" "$CORPUS/$target"
  opts=(-max_len="$maxlen" -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$CORPUS/$target/" -print_final_stats=1)
  [ "$dict" != "-" ] && opts+=(-dict="$ROOT/tests/fuzz/$dict")
  mapfile -t seeds < <(find "$CORPUS/$target" -type f | sort)
  # Regression: every committed input once (libFuzzer runs files given as arguments and exits).
  if [ ${#seeds[@]} -gt 0 ] && ! "$BIN/$target" "${opts[@]}" "${seeds[@]}" > "$log" 2>&1; then
    echo "FAIL $target: the committed corpus crashes (log: ${log#$ROOT/})"; grep -m 5 -E 'ERROR|SUMMARY|runtime error' "$log"
    failed=$((failed + 1)); continue
  fi
  runs=0
  if [ "$SECONDS_EACH" -gt 0 ]; then
    if ! "$BIN/$target" "${opts[@]}" -max_total_time="$SECONDS_EACH" "$WORK/$target" "$CORPUS/$target" >> "$log" 2>&1; then
      found=$(find "$CORPUS/$target" -type f -newer "$WORK/build.log" \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | head -n 3)
      echo "FAIL $target: fuzzing found a problem, input kept in ${CORPUS#$ROOT/}/$target/ (log: ${log#$ROOT/})"
      [ -n "$found" ] && echo "$found" | sed "s|$ROOT/|   |"
      grep -m 5 -E 'ERROR|SUMMARY|runtime error' "$log"
      failed=$((failed + 1)); continue
    fi
    runs=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+$' || echo 0)
  fi
  echo "ok $target: ${#seeds[@]} corpus inputs pass; fuzzed ${SECONDS_EACH}s, $runs executions, work corpus $(find "$WORK/$target" -type f | wc -l) inputs"
done
[ "$failed" -eq 0 ]
