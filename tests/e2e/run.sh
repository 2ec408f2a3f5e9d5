#!/usr/bin/env bash
# Runs every browser test (node's test runner) against build/web/dist, and the npm package test (tests/package).
set -euo pipefail
cd "$(dirname "$0")/../.."
exec node --test --test-concurrency=1 tests/e2e/*.test.mjs tests/package/*.test.mjs
