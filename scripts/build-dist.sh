#!/usr/bin/env bash
# Builds the script-tag bundle into dist/: samtykke.js (loader), samtykke.module.js (wasm-bindgen
# glue), samtykke_bg.wasm, samtykke.css, snippets/ and the config schema.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.sh
export PATH="$PWD/node_modules/.bin:$PATH"

cargo build --release --locked -p samtykke-www --target wasm32-unknown-unknown
out=target/dist-build
rm -rf "$out" dist && mkdir -p "$out" dist
wasm-bindgen --target web --out-dir "$out" --out-name samtykke target/wasm32-unknown-unknown/release/samtykke_www.wasm
# shellcheck disable=SC2086
wasm-opt -Oz $WASM_OPT_FLAGS "$out/samtykke_bg.wasm" -o dist/samtykke_bg.wasm
cp "$out/samtykke.js" dist/samtykke.module.js
cp -r "$out/snippets" dist/snippets
cp www/samtykke.js www/samtykke.css www/config.schema.json dist/
echo "dist/:"
for f in dist/samtykke.js dist/samtykke.module.js dist/samtykke_bg.wasm dist/samtykke.css; do
  printf '  %-28s %8d B raw %8d B gzip %8d B brotli\n' "$f" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)" "$(brotli -c -q 11 "$f" | wc -c)"
done
