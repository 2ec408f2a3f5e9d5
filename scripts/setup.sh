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
      libfreetype-dev libfontconfig-dev libharfbuzz-dev libicu-dev libstb-dev fonts-noto-core fonts-noto-mono fonts-noto-cjk fonts-noto-color-emoji python3
      chromium firefox-esr webkit2gtk-driver xvfb xauth poppler-utils
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
# Source trees that only a newer suite has (e.g. sid): deb-src entries for SUITE derived from the machine's
# own entries for its release (same archive, same keyring), written once; binaries still come from the release.
enable_suite_src() {  # enable_suite_src SUITE
  local suite="$1" codename out f tmp
  codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
  [ -n "$codename" ] || die "cannot tell this machine's Debian release (/etc/os-release has no VERSION_CODENAME)"
  out="/etc/apt/sources.list.d/derived-$suite-deb-src.sources"
  { [ -e "$out" ] || [ -e "${out%.sources}.list" ]; } && return
  tmp="$(mktemp -d)"
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -e "$f" ] || continue
    case "$f" in *-deb-src.sources) continue;; esac
    # deb822 stanzas (blank-line separated) whose Types has deb and whose Suites has the release itself.
    awk -v codename="$codename" -v suite="$suite" 'BEGIN { RS = ""; ORS = "" }
      { n = split($0, line, "\n"); types = 0; ours = 0; body = ""
        for (i = 1; i <= n; i++) {
          if (line[i] ~ /^#/) continue
          if (line[i] ~ /^Types:/) { if ((line[i] " ") ~ /[: ]deb /) types = 1; continue }
          if (line[i] ~ /^Suites:/) { k = split(line[i], w, /[ \t]+/); for (j = 2; j <= k; j++) if (w[j] == codename) ours = 1; continue }
          body = body line[i] "\n"
        }
        if (types && ours) print "Types: deb-src\nSuites: " suite "\n" body "\n" }' "$f"
  done > "$tmp/sources"
  if [ -f /etc/apt/sources.list ]; then   # the one-line format
    awk -v codename="$codename" -v suite="$suite" '$1 == "deb" && $3 == codename { $1 = "deb-src"; $3 = suite; print }' \
      /etc/apt/sources.list > "$tmp/list"
  fi
  [ -s "$tmp/sources" ] || [ -s "$tmp/list" ] || { rm -rf "$tmp"; die "no apt entry for $codename to derive $suite deb-src entries from"; }
  if [ -s "$tmp/sources" ]; then $SUDO install -m 644 "$tmp/sources" "$out"; fi
  if [ -s "$tmp/list" ]; then $SUDO install -m 644 "$tmp/list" "${out%.sources}.list"; fi
  rm -rf "$tmp"
  APT_UPDATED=0
}
fetch_source() {  # fetch_source PACKAGE VERSION DIRGLOB [SUITE]: with SUITE, exactly PACKAGE=VERSION from that suite
  local pkg="$1" ver="$2" glob="$3" suite="${4:-}" spec="$1"
  if compgen -G "$THIRD/$glob" >/dev/null; then return; fi
  mkdir -p "$THIRD"
  enable_deb_src
  if [ -n "$suite" ]; then enable_suite_src "$suite"; apt_update_once; spec="$pkg=$ver"; fi
  if [ -n "$suite" ] && ! apt-cache showsrc "$pkg" 2>/dev/null | grep -qx "Version: $ver"; then
    die "$pkg $ver is gone from Debian $suite: pin a version it still has (apt-cache showsrc $pkg) in scripts/setup.sh"
  fi
  say "fetching $pkg $ver sources"
  if ! (cd "$THIRD" && apt-get source -qq "$spec" >/dev/null 2>&1); then
    # A mirror may lack a newer suite's .dsc and Debian diff while it has the upstream tarball: take that
    # alone (apt checks it against the signed Sources index) and unpack it.
    [ -n "$suite" ] && (cd "$THIRD" && apt-get source --tar-only --download-only -qq "$spec" >/dev/null 2>&1 \
      && tar -xf "$(ls "${pkg}_${ver%-*}".orig.tar.* | head -1)") \
      || die "apt-get source $spec failed (need deb-src entries for the Debian archive${suite:+ and its $suite suite})"
    say "$pkg $ver: the mirror has no Debian diff, built from the verified upstream tarball alone"
  fi
  compgen -G "$THIRD/$glob" >/dev/null || die "$pkg source is not version $ver (found: $(ls "$THIRD"))"
}
# The pinned versions of the source trees: this is the one place they are named.
fetch_source imgui 1.92.2b+ds-1 "imgui-1.92.2b*" sid
fetch_source cmark-gfm 0.29.0.gfm.13-7.1 "cmark-gfm-0.29.0.gfm.13" sid
# Stable names for CMake.
ln -sfn "$(cd "$THIRD" && ls -d imgui-1.92.2b*/ | head -1)" "$THIRD/imgui"
ln -sfn "cmark-gfm-0.29.0.gfm.13" "$THIRD/cmark-gfm"

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
