#!/usr/bin/env bash
# Runs every test: native build + unit and CLI tests (ctest), web build + browser tests. Ends with one summary line.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_setup || exit 1
cd "$ROOT"
LOG="$ROOT/build/test-logs"; mkdir -p "$LOG"
passed=0; failed=0; broken=()

# counts PASSED FAILED from a suite's own summary
add() { passed=$((passed + $1)); failed=$((failed + $2)); }

# runs `ctest --preset PRESET` into LOGFILE and counts its tests from ctest's own summary
run_ctest() {  # run_ctest PRESET LOGFILE
  ctest --preset "$1" --output-on-failure 2>&1 | tee "$2" | tail -n 4
  local total bad
  total=$(grep -oE 'tests passed, [0-9]+ tests failed out of [0-9]+' "$2" | grep -oE '[0-9]+$' || echo 0)
  bad=$(grep -oE '[0-9]+ tests failed out of' "$2" | grep -oE '^[0-9]+' || echo 0)
  [ -n "$total" ] && [ "$total" -gt 0 ] || { broken+=("ctest $1 ran no test"); bad=1; total=1; }
  add $((total - bad)) "$bad"
}

echo "== native build"
if build_preset native > "$LOG/native-build.log" 2>&1; then
  echo "== unit and CLI tests (ctest)"
  run_ctest native "$LOG/ctest.log"
else
  tail -n 30 "$LOG/native-build.log"; broken+=("native build"); add 0 1
fi

echo "== sanitizer build (ASan+UBSan)"
if CMAKE_BUILD_PARALLEL_LEVEL=2 build_preset native-asan > "$LOG/asan-build.log" 2>&1; then
  ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions="$ROOT/tests/lsan.supp":print_suppressions=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 run_ctest native-asan "$LOG/ctest-asan.log"
else
  tail -n 30 "$LOG/asan-build.log"; broken+=("sanitizer build"); add 0 1
fi

echo "== fuzz corpus regression + short fuzz"
# Each target: its committed corpus once, then 20 s of fuzzing (six targets, 120 s in all); one pass or fail per target.
bash scripts/fuzz.sh 20 > "$LOG/fuzz.log" 2>&1
grep -vE '^(INFO|#)' "$LOG/fuzz.log" | sed 's/^/   /' | head -n 40
p=$(grep -cE '^ok ' "$LOG/fuzz.log"); f=$(grep -cE '^FAIL ' "$LOG/fuzz.log")
if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then broken+=("fuzzers ran none"); f=1; fi
add "$p" "$f"

echo "== web build"
if build_preset web > "$LOG/web-build.log" 2>&1; then
  # the offline bundle of the default article (the browser tests also make their own)
  build/native/article-widget bundle assets/article.md --config assets/widget.json -o build/web/dist/article.html \
    || broken+=("bundle of the default article")
  echo "== browser tests (headless Chromium)"
  bash tests/e2e/run.sh > "$LOG/e2e.log" 2>&1
  grep -E '^(not )?ok ' "$LOG/e2e.log" | sed 's/^/   /'
  p=$(grep -oE '^# pass [0-9]+' "$LOG/e2e.log" | grep -oE '[0-9]+' || echo 0)
  f=$(grep -oE '^# fail [0-9]+' "$LOG/e2e.log" | grep -oE '[0-9]+' || echo 0)
  if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then tail -n 30 "$LOG/e2e.log"; broken+=("browser tests ran none"); f=1; fi
  [ "$f" -gt 0 ] && grep -B2 -A25 '^not ok' "$LOG/e2e.log" | head -n 80
  add "$p" "$f"
  # The cross-engine suite, once per engine; each engine's count is reported on its own line.
  for engine in chromium firefox webkit; do
    echo "== cross-engine browser tests: $engine"
    bash tests/e2e/engines/run.sh "$engine" > "$LOG/engines-$engine.log" 2>&1
    p=$(grep -oE '^# pass [0-9]+' "$LOG/engines-$engine.log" | grep -oE '[0-9]+' || echo 0)
    f=$(grep -oE '^# fail [0-9]+' "$LOG/engines-$engine.log" | grep -oE '[0-9]+' || echo 0)
    if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then tail -n 30 "$LOG/engines-$engine.log"; broken+=("$engine tests ran none"); f=1; fi
    [ "$f" -gt 0 ] && grep -B2 -A25 '^not ok' "$LOG/engines-$engine.log" | head -n 80
    echo "   $engine: $p passed, $f failed"
    add "$p" "$f"
  done
else
  tail -n 30 "$LOG/web-build.log"; broken+=("web build"); add 0 1
fi

[ ${#broken[@]} -gt 0 ] && echo "broken: ${broken[*]}"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
