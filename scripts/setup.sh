#!/usr/bin/env bash
# Installs every dependency the build and tests need; idempotent, safe to run again.
# [SECTION] helpers  [SECTION] Debian packages  [SECTION] deb-src + third-party sources
# [SECTION] Emscripten version  [SECTION] npm tools  [SECTION] stamp
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
THIRD="$ROOT/third_party"          # git-ignored: apt-get source trees live here
STAMP="$ROOT/build/.setup-stamp"

# [SECTION] helpers ----------------------------------------------------------
die() { echo "setup: error: $*" >&2; exit 1; }
say() { echo "setup: $*"; }
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || die "not root and no sudo; run as root or install sudo"
  SUDO="sudo"
fi
APT_UPDATED=0
apt_update_once() {
  if [ "$APT_UPDATED" -eq 0 ]; then
    $SUDO apt-get update -qq >/dev/null || die "apt-get update failed; check the machine's apt sources"
    APT_UPDATED=1
  fi
}

# [SECTION] Debian packages -------------------------------------------------
PKGS=(build-essential cmake ninja-build pkg-config dpkg-dev git
      emscripten binaryen
      libglfw3-dev libgl-dev libgl1-mesa-dri zlib1g-dev
      nlohmann-json3-dev doctest-dev
      fonts-noto-core fonts-noto-mono python3 python3-fonttools
      chromium xvfb xauth poppler-utils
      clang-14 libclang-rt-14-dev gzip)
# Node.js and npm may come from elsewhere on the machine: install Debian's only if absent.
command -v node >/dev/null || PKGS+=(nodejs)
command -v npm >/dev/null || PKGS+=(npm)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  apt_update_once
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "could not install: ${missing[*]} (run: apt-get install ${missing[*]})"
fi

# [SECTION] deb-src + third-party sources ------------------------------------
# deb-src entries are derived from the machine's own deb entries, so no host is named here.
enable_deb_src() {
  local changed=0 f out
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -e "$f" ] || continue
    case "$f" in *-deb-src.sources) continue;; esac
    grep -qE '^Types:.*\bdeb\b' "$f" || continue
    grep -qE '^Types:.*deb-src' "$f" && continue
    out="${f%.sources}-deb-src.sources"
    [ -e "$out" ] && continue
    sed -E 's/^Types:.*/Types: deb-src/' "$f" | $SUDO tee "$out" >/dev/null
    changed=1
  done
  if [ -f /etc/apt/sources.list ] && grep -qE '^deb ' /etc/apt/sources.list \
     && ! grep -qE '^deb-src ' /etc/apt/sources.list \
     && [ ! -e /etc/apt/sources.list.d/derived-deb-src.list ]; then
    grep -E '^deb ' /etc/apt/sources.list | sed -E 's/^deb /deb-src /' \
      | $SUDO tee /etc/apt/sources.list.d/derived-deb-src.list >/dev/null
    changed=1
  fi
  if [ "$changed" -eq 1 ]; then APT_UPDATED=0; fi
  apt_update_once
}
fetch_source() {  # fetch_source PACKAGE VERSION DIRGLOB
  local pkg="$1" ver="$2" glob="$3"
  if compgen -G "$THIRD/$glob" >/dev/null; then return; fi
  mkdir -p "$THIRD"
  enable_deb_src
  say "fetching $pkg $ver sources"
  (cd "$THIRD" && apt-get source -qq "$pkg" >/dev/null 2>&1) \
    || die "apt-get source $pkg failed (need deb-src entries for the Debian archive)"
  compgen -G "$THIRD/$glob" >/dev/null || die "$pkg source is not version $ver (found: $(ls "$THIRD"))"
}
fetch_source imgui 1.86 "imgui-1.86*"
fetch_source cmark 0.30.2 "cmark-0.30.2*"
# Stable names for CMake.
ln -sfn "$(cd "$THIRD" && ls -d imgui-1.86*/ | head -1)" "$THIRD/imgui"
ln -sfn "$(cd "$THIRD" && ls -d cmark-0.30.2*/ | head -1)" "$THIRD/cmark"

# [SECTION] Emscripten version ------------------------------------------------
WANT="$(tr -d '[:space:]' < "$ROOT/emsdk-version.txt")"
if [ -n "${EMSDK:-}" ] && command -v emcc >/dev/null && emcc --version 2>/dev/null | head -1 | grep -q " $WANT "; then
  say "using active emsdk at $EMSDK"
else
  export NODE_PATH=/usr/share/nodejs
  HAVE="$(emcc --version 2>/dev/null | head -1 | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1 || true)"
  [ "$HAVE" = "$WANT" ] || die "emcc is '$HAVE' but emsdk-version.txt wants $WANT (install Debian's emscripten $WANT or activate an emsdk $WANT)"
fi

# [SECTION] npm tools ---------------------------------------------------------
if [ ! -d "$ROOT/node_modules/playwright-core" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  say "installing npm tools from package-lock.json"
  (cd "$ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
    || die "npm ci failed (is the npm registry reachable?)"
fi

# [SECTION] stamp -------------------------------------------------------------
mkdir -p "$ROOT/build"
date -u +%FT%TZ > "$STAMP"
say "ready"
