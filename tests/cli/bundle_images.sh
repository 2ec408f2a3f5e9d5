#!/usr/bin/env bash
# The offline bundle inlines the GFM sample's relative images as data URLs and warns for the others.
# usage: bundle_images.sh ARTICLE_WIDGET SOURCE_DIR
set -uo pipefail
BIN="$1"; ROOT="$2"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
fails=0
ok() { echo "ok - $1"; }
bad() { echo "not ok - $1"; fails=$((fails + 1)); }

# A stand-in web build (the real one is tested in tests/e2e/bundle.test.mjs).
mkdir -p "$TMP/assets" "$TMP/post/images"
echo 'console.log(1)' > "$TMP/assets/article-widget.js"
printf '\0asm' | gzip -9 -n > "$TMP/assets/article-widget.wasm.gz"
cp "$ROOT/web/bundle-template.html" "$TMP/assets/"
cp "$ROOT/tests/samples/gfm.md" "$TMP/post/"
cp "$ROOT/tests/samples/images/arc.svg" "$TMP/post/images/"
# One image too big to inline, one missing.
head -c $((3 * 1024 * 1024)) /dev/zero > "$TMP/post/images/big.png"
sample_lines=$(wc -l < "$TMP/post/gfm.md")   # the two images land 2 and 4 lines after the sample's end
printf '\n![big](images/big.png)\n\n![gone](images/gone.png)\n' >> "$TMP/post/gfm.md"

"$BIN" bundle "$TMP/post/gfm.md" --assets "$TMP/assets" -o "$TMP/out.html" 2> "$TMP/err.txt"
rc=$?
[ "$rc" -eq 0 ] && ok "bundle exits 0" || bad "bundle exits 0 (got $rc: $(cat "$TMP/err.txt"))"
svg64=$(base64 -w0 < "$ROOT/tests/samples/images/arc.svg")
grep -qF "<img src=\"data:image/svg+xml;base64,$svg64\" alt=\"The arc of responsibility\"" "$TMP/out.html" \
  && ok "the relative SVG is inlined as a data URL" || bad "the relative SVG is inlined as a data URL"
grep -qF '<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"' "$TMP/out.html" && ok "a data: image stays" || bad "a data: image stays"
grep -qF 'images/arc.svg' "$TMP/out.html" && grep -qF '![The arc of responsibility](images/arc.svg' "$TMP/out.html" \
  && ok "the embedded Markdown is unchanged" || bad "the embedded Markdown is unchanged"
for pattern in \
  'gfm.md:25: image "https://example.com/photo.jpg" is not inlined: the bundle works offline' \
  'gfm.md:29: image "javascript:alert(1)" is shown as its alt text' \
  "gfm.md:$((sample_lines + 2)): image \"images/big.png\" is not inlined: larger than 2 MiB" \
  "gfm.md:$((sample_lines + 4)): image \"images/gone.png\" is not inlined: .*no such file"; do
  grep -q "^article-widget: warning: .*$pattern" "$TMP/err.txt" && ok "warns: $pattern" || bad "warns: $pattern (stderr: $(cat "$TMP/err.txt"))"
done
grep -q 'big.png" alt="big"' "$TMP/out.html" && ok "an image over the limit stays a link" || bad "an image over the limit stays a link"

echo "bundle_images: $fails failed"
[ "$fails" -eq 0 ]
