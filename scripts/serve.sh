#!/usr/bin/env bash
# Installs what is missing, builds the release app and serves it at http://127.0.0.1:8080.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cd "$XUEFA_ROOT"
exec trunk serve --release
