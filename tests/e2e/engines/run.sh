#!/usr/bin/env bash
# Runs the cross-engine suite (tests/e2e/engines/*.test.mjs) in one engine: run.sh chromium|firefox|webkit.
# Firefox and WebKit draw in a window, so every engine runs under its own Xvfb display.
set -euo pipefail
cd "$(dirname "$0")/../../.."
engine="${1:?usage: run.sh chromium|firefox|webkit}"
export AW_ENGINE="$engine"
exec xvfb-run -a -s '-screen 0 1280x1024x24 -nolisten tcp' node --test --test-concurrency=1 tests/e2e/engines/*.test.mjs
