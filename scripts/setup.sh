#!/usr/bin/env bash
# Installs what the build and tests need, each step only if missing (idempotent: check, then
# install). Tools come from the package registries only.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.sh

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v brotli >/dev/null; then
  echo "setup: installing chromium, chromium-driver, brotli (apt)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver brotli >/dev/null
fi
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi
if ! rustup component list --installed 2>/dev/null | grep -q '^clippy'; then rustup component add clippy; fi
if ! rustup component list --installed 2>/dev/null | grep -q '^rustfmt'; then rustup component add rustfmt; fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  echo "setup: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lock pins a crate version the registry no longer serves.
  cargo install -q wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  echo "setup: installing trunk $TRUNK_VERSION"
  cargo install -q trunk --version "=$TRUNK_VERSION" --locked
fi
# The fuzz targets build with nightly (sanitizers), and so do the engines; cargo-fuzz comes
# from crates.io.
if ! rustup toolchain list | grep -q '^nightly'; then
  echo "setup: installing the nightly toolchain (for cargo fuzz and the engines)"
  rustup toolchain install nightly --profile minimal
fi
# The engines build std from its source with nightly (scripts/wasm-modules.sh).
if ! rustup component list --installed --toolchain nightly 2>/dev/null | grep -q '^rust-src'; then
  echo "setup: adding rust-src to the nightly toolchain (the engines build std for size)"
  rustup component add rust-src --toolchain nightly
fi
if ! command -v cargo-fuzz >/dev/null; then
  echo "setup: installing cargo-fuzz"
  cargo install -q cargo-fuzz --locked
fi
if ! npm ls --depth=0 >/dev/null 2>&1; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
# Trunk runs cargo offline; make sure every crate is downloaded.
cargo fetch --locked -q
