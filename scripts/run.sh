#!/usr/bin/env bash
# Runs the widget on the default article: in the browser (default) or in the native window (--native).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_setup
if [ "${1:-}" = "--native" ]; then
  build_preset native
  exec "$ROOT/build/native/article-widget" view "$ROOT/assets/article.md" --config "$ROOT/assets/widget.json"
fi
build_preset web
# The offline single-file bundle of the default article, build/web/dist/article.html, made by the native CLI.
build_preset native > /dev/null
"$ROOT/build/native/article-widget" bundle "$ROOT/assets/article.md" --config "$ROOT/assets/widget.json" -o "$ROOT/build/web/dist/article.html"
PORT="${PORT:-8000}"
echo "article-widget: serving build/web/dist at http://127.0.0.1:$PORT/  (Ctrl-C to stop)"
exec /usr/bin/python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$ROOT/build/web/dist"
