#!/usr/bin/env bash
# Installs what is missing, builds the release dist/ and runs every test: the core's unit
# tests, the bank test, and the end-to-end tests in headless Chromium against dist/.
set -euo pipefail
source "$(dirname "$0")/setup.sh" --browser
cd "$XUEFA_ROOT"
trunk build --release
cargo test --all-targets
