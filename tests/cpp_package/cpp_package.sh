#!/usr/bin/env bash
# The C++ package end to end: `cmake --install` into a temporary prefix, moved elsewhere; the installed headers are
# the public ones only (at most 8 of the product's own, each saying what it promises); examples/model_tool
# (find_package(ArticleWidget COMPONENTS core), configured as if FreeType, Fontconfig and HarfBuzz were missing)
# and examples/host_app (a GLFW + OpenGL + Dear ImGui host drawing the article in its own window, with Dear ImGui's
# demo window) copied out of the source tree, configured with find_package(ArticleWidget) from that prefix only,
# and built; no path of the source or build tree may reach their compile or link lines. The host app then draws a
# few frames of an article with an image beside it under Xvfb and takes a screenshot (kept as
# build/native/cpp-package/host_app.png), which must show the article, and its image, inside the host's reader window.
# usage: cpp_package.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
BUILD="$(cd "$1" && pwd)"; SRC="$(cd "$2" && pwd)"
OUT="$BUILD/cpp-package"; rm -rf "$OUT"; mkdir -p "$OUT"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
PREFIX="$WORK/prefix"
fail() { echo "cpp_package: FAIL: $*" >&2; exit 1; }

echo "== cmake --install into a temporary prefix, then moved (the package is relocatable)"
cmake --install "$BUILD" --prefix "$WORK/staging" > "$OUT/install.log" || { cat "$OUT/install.log"; fail "cmake --install"; }
mv "$WORK/staging" "$PREFIX"
for f in lib/cmake/ArticleWidget/ArticleWidgetConfig.cmake lib/cmake/ArticleWidget/ArticleWidgetConfigVersion.cmake \
         lib/cmake/ArticleWidget/ArticleWidgetTargets.cmake include/article_widget/imgui/imgui.h \
         share/ArticleWidget/imgui/backends/imgui_impl_glfw.cpp; do
  [ -f "$PREFIX/$f" ] || fail "not installed: $f"
done
for lib in libaw_core.a libaw_ui.a libaw_native_fonts.a libaw_native_images.a libaw_imgui.a libaw_cmark.a; do
  compgen -G "$PREFIX/lib*/$lib" > /dev/null || fail "not installed: $lib"
done
# The product's own headers: exactly the public ones, each with its compatibility promise; WidgetApp, the layout,
# the views, the fonts' internals, the model and the platform's app stay out.
installed="$(cd "$PREFIX/include/article_widget" && find . -name '*.h' -not -path './imgui/*' | sed 's|^\./||' | sort | tr '\n' ' ')"
expected="core/prepared_article.h core/status.h platform/native_images.h platform/system_fonts.h ui/hosted_widget.h ui/image_decoder.h "
[ "$installed" = "$expected" ] || fail "installed headers: $installed (expected: $expected)"
for f in $installed; do
  grep -q '^// Public header (installed): ' "$PREFIX/include/article_widget/$f" || fail "$f does not say what it promises"
done
imgui_headers="$(cd "$PREFIX/include/article_widget/imgui" && ls *.h | tr '\n' ' ')"
echo "installed: $(echo $installed | wc -w) headers of the product's own ($installed), Dear ImGui's: $imgui_headers"
if grep -rnE '#include "(core|ui|platform)/' "$PREFIX/include/article_widget" --include='*.h' | grep -v '/imgui/'; then
  fail "an installed header includes a project header without the article_widget/ prefix"
fi
if grep -rn -e "$SRC" -e "$BUILD" "$PREFIX/lib/cmake" "$PREFIX/include/article_widget"; then
  fail "the installed package names the source or build tree"
fi

echo "== examples built from the installed package alone"
cp -r "$SRC/examples/model_tool" "$SRC/examples/host_app" "$WORK/"
for example in model_tool host_app; do
  extra=()
  # The core-only tool, as on a machine without the font libraries: the package must not look for them.
  [ "$example" = model_tool ] && extra=(-DCMAKE_DISABLE_FIND_PACKAGE_Freetype=ON -DCMAKE_DISABLE_FIND_PACKAGE_Fontconfig=ON
                                       -DCMAKE_DISABLE_FIND_PACKAGE_harfbuzz=ON)
  cmake -S "$WORK/$example" -B "$WORK/build-$example" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$PREFIX" \
        -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON -DCMAKE_EXPORT_COMPILE_COMMANDS=ON "${extra[@]}" > "$OUT/configure-$example.log" 2>&1 \
    || { cat "$OUT/configure-$example.log"; fail "configure $example"; }
  grep -q "ArticleWidget_DIR:PATH=$PREFIX/" "$WORK/build-$example/CMakeCache.txt" || fail "$example did not find the package in the prefix"
  cmake --build "$WORK/build-$example" -j2 > "$OUT/build-$example.log" 2>&1 || { tail -n 40 "$OUT/build-$example.log"; fail "build $example"; }
  if grep -n -e "$SRC" -e "$BUILD" "$WORK/build-$example/compile_commands.json" "$WORK/build-$example/build.ninja"; then
    fail "$example's compile or link lines name the source or build tree"
  fi
done
grep -q "ArticleWidget 0.1.0 with Dear ImGui 1.92" "$OUT/configure-host_app.log" || fail "the package did not report its version and Dear ImGui's"
if grep -inE '^(FREETYPE|Fontconfig|harfbuzz|ArticleWidget_STB)' "$WORK/build-model_tool/CMakeCache.txt"; then
  fail "find_package(ArticleWidget COMPONENTS core) looked for a library only the native components need"
fi

echo "== model_tool (ArticleWidget::core alone)"
"$WORK/build-model_tool/model_tool" "$SRC/assets/article.md" "$SRC/assets/widget.json" > "$OUT/model.json" || fail "model_tool failed"
python3 - "$OUT/model.json" <<'PY' || fail "model_tool's model is wrong"
import json, sys
model = json.load(open(sys.argv[1]))
assert model["title"], "no title"
assert len(model["timeline"]["stages"]) == 3, model["timeline"]
assert len(model["faqs"]) >= 3, len(model["faqs"])
PY
! "$WORK/build-model_tool/model_tool" "$SRC/assets/article.md" <(echo '{"theme": 3}') 2> "$OUT/model-error.txt" || fail "a bad config was accepted"
grep -q 'config /theme' "$OUT/model-error.txt" || fail "the bad config's error does not name its JSON path: $(cat "$OUT/model-error.txt")"

echo "== host_app: 8 frames of an article with an image under Xvfb, and a screenshot"
# The article with a 200 x 60 red PNG beside it, under its title: a relative path, resolved against its folder.
mkdir -p "$WORK/article"
python3 - "$WORK/article/red.png" <<'PY'
import struct, sys, zlib
w, h = 200, 60
raw = b"".join(b"\0" + bytes([230, 40, 40]) * w for _ in range(h))
chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
PY
{ head -n 2 "$SRC/assets/article.md"; printf '![a red banner](red.png)\n\n'; tail -n +3 "$SRC/assets/article.md"; } > "$WORK/article/article.md"
xvfb-run -a -s "-screen 0 1280x800x24" "$WORK/build-host_app/host_app" "$WORK/article/article.md" --config "$SRC/assets/widget.json" \
  --demo --frames 8 --screenshot "$OUT/host_app.ppm" > "$OUT/host_app.txt" 2> "$OUT/host_app.err" \
  || { cat "$OUT/host_app.err"; fail "host_app exited with an error"; }
grep -q "^images: 1 of 1 ready" "$OUT/host_app.txt" || fail "the article's image was not loaded: $(grep images "$OUT/host_app.txt")"
python3 - "$OUT/host_app.ppm" "$OUT/host_app.txt" "$OUT/host_app.png" <<'PY' || fail "the screenshot does not show the article inside the host's window"
import struct, sys, zlib
ppm, rects, png = sys.argv[1:4]
data = open(ppm, "rb").read()
header = data.split(b"\n", 3)
w, h = map(int, header[1].split()); pixels = header[3]
assert len(pixels) == w * h * 3, "short image"
def px(x, y):
    i = (y * w + x) * 3
    return tuple(pixels[i:i + 3])
# the PNG copy, to look at
raw = b"".join(b"\0" + pixels[y * w * 3:(y + 1) * w * 3] for y in range(h))
chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
open(png, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                      + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))
found = dict(line.split(": ") for line in open(rects).read().strip().splitlines() if ": " in line)
rx, ry, rw, rh = map(int, found["reader window"].split())
ax, ay, aw, ah = map(int, found["article"].split())
print(f"image {w}x{h}, reader window {rx},{ry} {rw}x{rh}, article {ax},{ay} {aw}x{ah}")
# The article is an item inside the host's reader window, below the host's own line of text.
assert rx <= ax and ry + 20 < ay and ax + aw <= rx + rw and ay + ah <= ry + rh, "the article is not inside the reader window"
assert aw > 300 and ah > 300, "the article is too small"
# Outside every host window: the host's clear colour, untouched.
desktop = px(w - 3, h - 3)
assert all(abs(a - b) <= 2 for a, b in zip(desktop, (41, 77, 71))), f"the host's background is {desktop}"
# Inside the article: text in the host's light text colour (theme auto) on the host's dark window, in many shades.
inside = [px(x, y) for y in range(ay, ay + ah, 2) for x in range(ax, ax + aw, 2)]
light = sum(1 for p in inside if min(p) > 170) / len(inside)
dark = sum(1 for p in inside if max(p) < 60) / len(inside)
shades = len(set(inside))
print(f"article: {light:.1%} light text pixels, {dark:.1%} dark background, {shades} colours")
assert 0.01 < light < 0.4 and dark > 0.4 and shades > 60, "no article text inside the reader window"
# Nothing of the article leaks out of its item: the strip of the reader window right of it has no text.
right = [px(x, y) for y in range(ay, ay + ah, 2) for x in range(ax + aw + 2, min(rx + rw - 2, w))]
assert not right or sum(1 for p in right if min(p) > 170) == 0, "article pixels right of the item"
# The image: its red pixels inside the article (200 x 60 at density 1, less what the column may scale away).
red = sum(1 for y in range(ay, ay + ah) for x in range(ax, ax + aw) if abs(px(x, y)[0] - 230) <= 6 and max(px(x, y)[1:]) <= 50)
print(f"article: {red} pixels of the red image")
assert red > 200 * 60 * 0.5, "the article's image is not drawn"
PY
echo "cpp_package: ok (screenshot: $OUT/host_app.png)"
