#!/usr/bin/env bash
# Builds the npm package into pkg/: the ES module wrapper, the wasm-bindgen glue and wasm,
# TypeScript types (config types generated from the Rust types' JSON Schema), the stylesheet.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.sh
export PATH="$PWD/node_modules/.bin:$PATH"

cargo build --release --locked -p samtykke-www --target wasm32-unknown-unknown
rm -rf pkg && mkdir -p pkg
wasm-bindgen --target web --out-dir pkg --out-name samtykke_core target/wasm32-unknown-unknown/release/samtykke_www.wasm
# shellcheck disable=SC2086
wasm-opt -Oz $WASM_OPT_FLAGS pkg/samtykke_core_bg.wasm -o pkg/samtykke_core_bg.opt.wasm
mv pkg/samtykke_core_bg.opt.wasm pkg/samtykke_core_bg.wasm
rm -f pkg/.gitignore
cp www/npm/index.js www/npm/index.d.ts www/npm/package.json www/npm/README.md www/samtykke.css www/config.schema.json pkg/
json2ts --input www/config.schema.json --output pkg/config.d.ts --no-additionalProperties \
  --bannerComment "// Generated from the Rust config types (www/config.schema.json). Do not edit."
sed -i 's/export interface Config /export interface SamtykkeConfig /' pkg/config.d.ts
echo "pkg/: $(cd pkg && ls | tr '\n' ' ')"
