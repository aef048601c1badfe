#!/usr/bin/env bash
# Installs what building (and, with --browser, testing) xuefa needs, skipping whatever is
# already there. Sourced by serve.sh and test.sh, so the PATH it sets carries over.
#
#   the wasm32 target, trunk, wasm-bindgen-cli (the exact version in Cargo.lock),
#   wasm-opt (binaryen from npm into .tools/; Debian's binaryen 108 breaks the wasm),
#   and with --browser: Chromium, chromedriver and CJK fonts (so pages render as a user
#   sees them) from Debian's packages, and axe-core (the accessibility checker the end-to-end
#   tests inject) from npm into .tools/.

set -euo pipefail
XUEFA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
AXE_CORE_VERSION=4.14.1
export PATH="$HOME/.cargo/bin:$XUEFA_ROOT/.tools/node_modules/.bin:$PATH"

say() { echo "setup: $*" >&2; }

wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$XUEFA_ROOT/Cargo.lock"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 5 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

WASM_BINDGEN_VERSION="$(wasm_bindgen_version)"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # Not --locked: the locked build wants a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  if command -v npm >/dev/null; then
    say "installing binaryen $BINARYEN_VERSION (wasm-opt) into .tools/"
    npm install --silent --no-audit --no-fund --prefix "$XUEFA_ROOT/.tools" "binaryen@$BINARYEN_VERSION" >&2
  else
    say "npm not found: building wasm-opt with cargo instead (about 5 minutes)"
    cargo install --locked wasm-opt --version 0.116.1 --root "$XUEFA_ROOT/.tools/cargo"
    export PATH="$XUEFA_ROOT/.tools/cargo/bin:$PATH"
  fi
fi

if [ "${1:-}" = "--browser" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
      || ! fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
      say "installing Chromium, chromedriver and CJK fonts from Debian's packages"
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >&2
    else
      say "Chromium, chromedriver and CJK fonts are needed for the end-to-end tests. Install them with:"
      say "  sudo apt-get update && sudo apt-get install -y chromium chromium-driver fonts-noto-cjk"
      exit 1
    fi
  fi
  if ! grep -qs "\"version\": \"$AXE_CORE_VERSION\"" "$XUEFA_ROOT/.tools/node_modules/axe-core/package.json"; then
    if ! command -v npm >/dev/null; then
      say "npm is needed for axe-core (the end-to-end accessibility check): install Node.js"
      exit 1
    fi
    say "installing axe-core $AXE_CORE_VERSION into .tools/"
    npm install --silent --no-audit --no-fund --prefix "$XUEFA_ROOT/.tools" "axe-core@$AXE_CORE_VERSION" >&2
  fi
fi
