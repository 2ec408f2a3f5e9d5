#!/usr/bin/env bash
# Builds the libFuzzer targets (preset "fuzz": clang-14, ASan + UBSan) and, for each target, runs its committed
# corpus (tests/fuzz/corpus/<target>) plus generated long seeds (64 KB and more) as a regression test, then
# fuzzes it for SECONDS (default 60; 0 = corpus only) with inputs up to its -max_len (64-128 KB; fuzz_ui's
# event sequences 4 KB) under a memory limit: libFuzzer's -rss_limit_mb and -malloc_limit_mb, and in fuzz_markdown
# and fuzz_guard a peak-heap bound linear in the input (tests/fuzz/heap_peak.h), so a blow-up is a finding at any
# input size.
# New corpus entries go to the git-ignored build/fuzz-work/<target>; a crash, leak, timeout or out-of-memory
# input is saved into tests/fuzz/corpus/<target>/ so that it is kept as a regression test. Prints one line per
# target, "ok <target> ..." or "FAIL <target> ...", and exits non-zero when any target failed.
# [SECTION] build  [SECTION] long seeds  [SECTION] targets
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SECONDS_EACH="${1:-60}"
[[ "$SECONDS_EACH" =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 2; }
cd "$ROOT"
BIN="$ROOT/build/fuzz"; WORK="$ROOT/build/fuzz-work"; CORPUS="$ROOT/tests/fuzz/corpus"; SEEDS="$WORK/long-seeds"
mkdir -p "$WORK"

# [SECTION] build ------------------------------------------------------------
if ! (cmake --preset fuzz >/dev/null && cmake --build --preset fuzz -j2) > "$WORK/build.log" 2>&1; then
  tail -n 30 "$WORK/build.log"; echo "FAIL fuzz build"; exit 1
fi

# [SECTION] long seeds ---------------------------------------------------------
# libFuzzer mutates up to the longest input in its corpus, so one long seed per target lets it reach -max_len
# at once (the longest committed seed is a few hundred bytes). Generated, not committed: they are big.
mkdir -p "$SEEDS"/{fuzz_markdown,fuzz_config,fuzz_state,fuzz_layout,fuzz_ui}   # fuzz_ui: none (its inputs are events, not text)
python3 - "$ROOT" "$SEEDS" <<'EOF'
import os, sys
root, seeds = sys.argv[1], sys.argv[2]
def write(target, name, data):
    with open(os.path.join(seeds, target, name), 'wb') as f: f.write(data)
def until(piece, n): return (piece * (n // len(piece) + 1))[:n]
article = open(os.path.join(root, 'assets/article.md'), 'rb').read()
md_seeds = b''.join(open(os.path.join(root, 'tests/fuzz/corpus/fuzz_markdown', n), 'rb').read()
                    for n in sorted(os.listdir(os.path.join(root, 'tests/fuzz/corpus/fuzz_markdown'))))
write('fuzz_markdown', 'long_article.md', until(article, 80_000))
write('fuzz_markdown', 'long_mixed.md', until(md_seeds + b'\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\n', 70_000))
markers = ','.join('{"position":%d.5,"label":"m%d"}' % (i % 60, i) for i in range(2200))
write('fuzz_config', 'long_markers.json', ('{"title":"T","timeline":{"markers":[%s]}}' % markers).encode())
write('fuzz_state', 'long_open_faqs.json', ('{"stage":1,"openFaqs":[%s],"filter":"q"}' % ','.join(str(i % 5) for i in range(25000))).encode())
spans = b''.join(bytes([i % 256, 255]) + until(b'word \xe6\xbc\xa2 longerword ', 255) for i in range(256))
write('fuzz_layout', 'long_spans.bin', bytes([120]) + spans)
EOF
[ $? -eq 0 ] || { echo "FAIL fuzz seeds: python3 could not write $SEEDS"; exit 1; }

# [SECTION] targets --------------------------------------------------------------
# target  -max_len  dictionary  long seeds (and the committed corpus) shared with
TARGETS=(
  "fuzz_markdown 131072 markdown.dict fuzz_markdown"
  "fuzz_guard 131072 markdown.dict fuzz_markdown"
  "fuzz_config 65536 json.dict fuzz_config"
  "fuzz_state 65536 json.dict fuzz_state"
  "fuzz_layout 65536 - fuzz_layout"
  "fuzz_ui 4096 ui.dict fuzz_ui"
)
# fontconfig's process-long configuration is no leak (tests/lsan.supp; fuzz_ui loads the system's fonts).
export LSAN_OPTIONS="suppressions=$ROOT/tests/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
failed=0
for spec in "${TARGETS[@]}"; do
  read -r target maxlen dict seeds_from <<< "$spec"
  shared=(); [ "$seeds_from" != "$target" ] && shared=("$CORPUS/$seeds_from")   # fuzz_guard also reads fuzz_markdown's inputs
  log="$WORK/$target.log"
  mkdir -p "$WORK/$target" "$CORPUS/$target"
  opts=(-max_len="$maxlen" -timeout=10 -rss_limit_mb=1536 -malloc_limit_mb=256 -artifact_prefix="$CORPUS/$target/"
        -print_final_stats=1)
  [ "$dict" != "-" ] && opts+=(-dict="$ROOT/tests/fuzz/$dict")
  mapfile -t seeds < <(find "$CORPUS/$target" "${shared[@]}" "$SEEDS/$seeds_from" -type f | sort)
  # Regression: every committed input and long seed once (libFuzzer runs files given as arguments and exits).
  if [ ${#seeds[@]} -gt 0 ] && ! "$BIN/$target" "${opts[@]}" "${seeds[@]}" > "$log" 2>&1; then
    echo "FAIL $target: the committed corpus crashes (log: ${log#$ROOT/})"; grep -m 5 -E 'ERROR|SUMMARY|runtime error|heap peak' "$log"
    failed=$((failed + 1)); continue
  fi
  runs=0; cov="?"
  if [ "$SECONDS_EACH" -gt 0 ]; then
    if ! "$BIN/$target" "${opts[@]}" -max_total_time="$SECONDS_EACH" "$WORK/$target" "$CORPUS/$target" "${shared[@]}" "$SEEDS/$seeds_from" >> "$log" 2>&1; then
      found=$(find "$CORPUS/$target" -type f -newer "$WORK/build.log" \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | head -n 3)
      echo "FAIL $target: fuzzing found a problem, input kept in ${CORPUS#$ROOT/}/$target/ (log: ${log#$ROOT/})"
      [ -n "$found" ] && echo "$found" | sed "s|$ROOT/|   |"
      grep -m 5 -E 'ERROR|SUMMARY|runtime error|heap peak' "$log"
      failed=$((failed + 1)); continue
    fi
    runs=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+$' || echo 0)
    cov=$(grep -oE '^#[0-9]+.*cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1 | grep -oE 'cov: [0-9]+ ft: [0-9]+' || echo "?")
  fi
  longest=$(find "$WORK/$target" -type f -printf '%s\n' | sort -n | tail -n 1)
  echo "ok $target: ${#seeds[@]} corpus inputs pass; fuzzed ${SECONDS_EACH}s, $runs executions, $cov," \
       "work corpus $(find "$WORK/$target" -type f | wc -l) inputs (longest ${longest:-0} bytes)"
done
[ "$failed" -eq 0 ]
