#!/usr/bin/env bash
# Builds the script-tag bundle into dist/: samtykke.js (the classic loader), samtykke.entry.js,
# the engines (see wasm-modules.sh), snippets/, the stylesheets and the config schema.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/versions.sh
source scripts/wasm-modules.sh
export PATH="$PWD/node_modules/.bin:$PATH"

rm -rf dist
build_wasm_modules dist
# The glue's TypeScript declarations belong to the npm package, not the script tag.
rm -rf target/wasm-types && mkdir -p target/wasm-types && mv dist/*.d.ts target/wasm-types/
cp www/samtykke.js www/samtykke.css www/samtykke.dialogs.css www/samtykke.ui.css www/config.schema.json dist/
cp www/npm/index.js dist/samtykke.entry.js
# The full engine's start imports the banner's page actions.
copy_pointing_at_room www/npm/samtykke.full.js dist/samtykke.full.js dist
node scripts/language-modules.mjs dist
# The loader preloads the glue's snippets, whose folder name carries a build hash.
snippets=$([ -d dist/snippets ] && cd dist && find snippets -name '*.js' | sort | sed "s/.*/'&'/" | paste -sd, - || true)
sed -i "s|\[/\* snippets \*/\]|[$snippets]|" dist/samtykke.js
grep -q "SNIPPETS = \[$snippets\]" dist/samtykke.js || { echo "build-dist: could not list the snippets in samtykke.js" >&2; exit 1; }
# Every page view downloads these: comments and whitespace are bytes too (esbuild from npm).
# wasm-bindgen's glue imports one snippet module once per function, hence the silenced warning.
while IFS= read -r -d '' f; do
  esbuild "$f" --minify --legal-comments=none --log-level=warning --log-override:duplicate-object-key=silent --allow-overwrite --outfile="$f"
done < <(find dist -name '*.js' -print0 -o -name '*.css' -print0)
echo "dist/:"
for f in dist/samtykke.js dist/samtykke.entry.js dist/samtykke.full.js dist/samtykke_core.js dist/samtykke_bg.wasm dist/samtykke_return.js dist/samtykke_return_bg.wasm dist/samtykke_gating.js dist/samtykke_gating_bg.wasm dist/samtykke_first.js dist/samtykke_first_bg.wasm dist/samtykke_ui.js dist/samtykke_ui_bg.wasm dist/samtykke.css dist/samtykke.dialogs.css dist/samtykke.ui.css; do
  printf '  %-26s %8d B raw %8d B gzip %8d B brotli\n' "$f" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)" "$(brotli -c -q 11 "$f" | wc -c)"
done
