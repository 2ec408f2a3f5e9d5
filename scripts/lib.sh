# Shared shell helpers for scripts/*.sh: environment for Emscripten, set-up on demand, builds.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"   # Debian's emcc finds acorn there
if [ -n "${EMSDK:-}" ] && [ -d "$EMSDK/upstream/emscripten" ]; then
  export EMSCRIPTEN_ROOT="$EMSDK/upstream/emscripten"
else
  export EMSCRIPTEN_ROOT="${EMSCRIPTEN_ROOT:-/usr/share/emscripten}"
fi

# Runs scripts/setup.sh when it has never run here or when what it installs has changed.
ensure_setup() {
  local stamp="$ROOT/build/.setup-stamp"
  if [ ! -f "$stamp" ] || [ "$ROOT/scripts/setup.sh" -nt "$stamp" ] || [ "$ROOT/package-lock.json" -nt "$stamp" ] \
     || [ ! -d "$ROOT/third_party/imgui" ] || [ ! -d "$ROOT/third_party/cmark-gfm" ] || [ ! -d "$ROOT/node_modules/playwright-core" ]; then
    bash "$ROOT/scripts/setup.sh"
  fi
}

build_preset() {  # build_preset native|web|native-asan
  (cd "$ROOT" && cmake --preset "$1" >/dev/null && cmake --build --preset "$1")
}
