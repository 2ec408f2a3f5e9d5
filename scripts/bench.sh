#!/usr/bin/env bash
# The benchmark suite: sizes (gzip -9); in headless Chromium, cold loads of the demo page (and its static-site form) interleaved with its
# peers (the article as plain HTML, TimelineJS 3.9.11 with the same stages: first text painted, ready, CLS, bytes,
# memory), FAQ click latency, scrolling, idle and memory; native parsing and frames. Prints the tables and writes
# bench/RESULTS.md. Reports only.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_setup
cd "$ROOT"
OUT="$ROOT/build/bench"; mkdir -p "$OUT"
echo "== builds (native, web) and the offline bundle" >&2
CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}" build_preset native > "$OUT/native-build.log"
CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}" build_preset web > "$OUT/web-build.log"
DIST="$ROOT/build/web/dist"
build/native/article-widget bundle assets/article.md --config assets/widget.json -o "$DIST/article.html"

echo "== sizes" >&2
gz() { gzip -9c "$1" | wc -c; }
{
  printf '{"files": {'
  sep=""
  for f in article-widget.js article-widget.wasm article.md widget.json article.html; do
    printf '%s"%s": {"raw": %d, "gz": %d}' "$sep" "$f" "$(stat -c %s "$DIST/$f")" "$(gz "$DIST/$f")"; sep=", "
  done
  embed=$(( $(gz "$DIST/article-widget.js") + $(gz "$DIST/article-widget.wasm") + $(gz "$DIST/article.md") + $(gz "$DIST/widget.json") ))
  printf '}, "embedGz": %d, "bundleGz": %d}\n' "$embed" "$(gz "$DIST/article.html")"
} > "$OUT/sizes.json"

echo "== native parsing and frames" >&2
build/native/aw_frame_bench --print-generated > "$OUT/generated-1mb.md"
build/native/aw_frame_bench --bytes 10485760 --print-generated > "$OUT/generated-10mb.md"
build/native/aw_parse_bench --json --article assets/article.md --article tests/samples/gfm.md --article "$OUT/generated-1mb.md" \
  --article "$OUT/generated-10mb.md" > "$OUT/parse.json"
build/native/aw_frame_bench --json > "$OUT/frame.json"

echo "== browser (headless Chromium, with the peers; a few minutes)" >&2
node bench/browser_bench.mjs --bundle "$DIST/article.html" > "$OUT/browser.json"
echo "== pages of 1, 2 and 24 widgets (headless Chromium)" >&2
node bench/widgets_bench.mjs > "$OUT/widgets.json"
echo "== every engine: canvas ready against TimelineJS in Chromium, Firefox and WebKit (under Xvfb)" >&2
xvfb-run -a -s '-screen 0 1280x1024x24 -nolisten tcp' node bench/engines_bench.mjs > "$OUT/engines.json"

node bench/report.mjs "$OUT"
