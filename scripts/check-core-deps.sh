#!/usr/bin/env bash
# The core is pure: no browser binding may enter its dependency tree (normal and build
# dependencies, every target), or "no browser in the core" would be a comment again.
set -euo pipefail
cd "$(dirname "$0")/.."
tree=$(cargo tree --locked -p samtykke-core -e normal,build --target all --prefix none --format '{p}')
if banned=$(grep -E '^(web-sys|js-sys|wasm-bindgen|wasm-bindgen-futures|yew|gloo[a-z-]*) ' <<<"$tree"); then
  echo "samtykke-core depends on a browser crate:" >&2
  echo "$banned" >&2
  exit 1
fi
echo "samtykke-core: $(sort -u <<<"$tree" | wc -l) crates, none of them a browser binding"
