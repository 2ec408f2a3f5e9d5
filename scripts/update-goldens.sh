#!/usr/bin/env bash
# Regenerates every golden screenshot in tests/golden/ (native under Xvfb and headless Chromium), building first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_setup
cd "$ROOT"
echo "== building the native and web presets first (goldens are taken from fresh builds)"
for preset in native web; do
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j2 >"$ROOT/build/update-goldens-$preset.log" 2>&1 \
    || { tail -n 30 "$ROOT/build/update-goldens-$preset.log"; echo "update-goldens: the $preset build failed" >&2; exit 1; }
done
echo "== regenerating the goldens"
NEW="$ROOT/build/goldens-new"; rm -rf "$NEW"
GOLDEN_OUT="$NEW" UPDATE_GOLDENS=1 node --test --test-concurrency=1 tests/e2e/golden.test.mjs >"$ROOT/build/update-goldens.log" 2>&1 \
  || { grep -B2 -A20 '^not ok' "$ROOT/build/update-goldens.log" | head -n 60
       echo "update-goldens: a screenshot failed; tests/golden/ is unchanged (log: build/update-goldens.log)" >&2; exit 1; }
mkdir -p tests/golden
cp "$NEW"/*.png tests/golden/
ls -l tests/golden/*.png | awk '{ printf "   %-36s %7d bytes\n", $NF, $5 }'
echo "regenerated $(ls tests/golden/*.png | wc -l) goldens in tests/golden/; look at each one before committing it (git diff --stat tests/golden)"
