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

echo "== native build"
if build_preset native > "$LOG/native-build.log" 2>&1; then
  echo "== unit and CLI tests (ctest)"
  ctest --preset native --output-on-failure 2>&1 | tee "$LOG/ctest.log" | tail -n 4
  total=$(grep -oE 'tests passed, [0-9]+ tests failed out of [0-9]+' "$LOG/ctest.log" | grep -oE '[0-9]+$' || echo 0)
  bad=$(grep -oE '[0-9]+ tests failed out of' "$LOG/ctest.log" | grep -oE '^[0-9]+' || echo 0)
  [ -n "$total" ] && [ "$total" -gt 0 ] || { broken+=("ctest ran no test"); bad=1; total=1; }
  add $((total - bad)) "$bad"
else
  tail -n 30 "$LOG/native-build.log"; broken+=("native build"); add 0 1
fi

echo "== web build"
if build_preset web > "$LOG/web-build.log" 2>&1; then
  echo "== browser tests (headless Chromium)"
  bash tests/e2e/run.sh > "$LOG/e2e.log" 2>&1
  grep -E '^(not )?ok ' "$LOG/e2e.log" | sed 's/^/   /'
  p=$(grep -oE '^# pass [0-9]+' "$LOG/e2e.log" | grep -oE '[0-9]+' || echo 0)
  f=$(grep -oE '^# fail [0-9]+' "$LOG/e2e.log" | grep -oE '[0-9]+' || echo 0)
  if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then tail -n 30 "$LOG/e2e.log"; broken+=("browser tests ran none"); f=1; fi
  [ "$f" -gt 0 ] && grep -B2 -A25 '^not ok' "$LOG/e2e.log" | head -n 80
  add "$p" "$f"
else
  tail -n 30 "$LOG/web-build.log"; broken+=("web build"); add 0 1
fi

[ ${#broken[@]} -gt 0 ] && echo "broken: ${broken[*]}"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
