#!/usr/bin/env bash
# Builds the npm package into pkg/: the ES module entry, the core and UI wasm modules with their
# glue, TypeScript types (config types generated from the Rust types' JSON Schema), the
# stylesheet and the schema.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.sh
source scripts/wasm-modules.sh
export PATH="$PWD/node_modules/.bin:$PATH"

rm -rf pkg
if [ "${1:-}" = "--from-dist" ]; then
  # make test builds dist/ just before: the same modules, so take them instead of relinking.
  mkdir -p pkg
  cp dist/samtykke_core.js dist/samtykke_bg.wasm dist/samtykke_return.js dist/samtykke_return_bg.wasm\
     dist/samtykke_gating.js dist/samtykke_gating_bg.wasm dist/samtykke_first.js dist/samtykke_first_bg.wasm\
     dist/samtykke_ui.js dist/samtykke_ui_bg.wasm pkg/
  cp -r dist/snippets pkg/
  cp target/wasm-types/*.d.ts pkg/
else
  build_wasm_modules pkg
fi
node scripts/language-modules.mjs pkg
copy_pointing_at_room www/npm/samtykke.full.js pkg/samtykke.full.js pkg
cp www/npm/index.js www/npm/index.d.ts www/npm/package.json www/npm/README.md www/config.schema.json LICENSE-MIT LICENSE-APACHE pkg/
# An app imports one stylesheet: what every page needs, the banner, then the dialog and notice.
cat www/samtykke.css www/samtykke.dialogs.css www/samtykke.ui.css > pkg/samtykke.css
json2ts --input www/config.schema.json --output pkg/config.d.ts --no-additionalProperties \
  --bannerComment "// Generated from the Rust config types (www/config.schema.json). Do not edit."
sed -i 's/export interface Config /export interface SamtykkeConfig /' pkg/config.d.ts
echo "pkg/: $(cd pkg && ls | tr '\n' ' ')"
