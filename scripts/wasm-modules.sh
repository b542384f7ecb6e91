# Builds the wasm modules and their glue into $1, named as dist/ and pkg/ ship them:
#   samtykke_core.js + samtykke_bg.wasm       the engine every page loads (no Yew): record,
#                                             rules, gating, Google tags, and the first layer
#                                             drawn in plain DOM
#   samtykke_return.js + samtykke_return_bg.wasm
#                                             the returning-visit engine: the core's plan
#                                             reader (no wasm-bindgen) and its own glue
#   samtykke_gating.js + samtykke_gating_bg.wasm
#                                             the gated-markup check of a returning visit:
#                                             the core's gating rules (no wasm-bindgen),
#                                             fetched only on a page with gated markup
#   samtykke_ui.js + samtykke_ui_bg.wasm      the Yew views (the preferences dialog, notices),
#                                             fetched only when one must show; they read the
#                                             core's state
# plus snippets/. Sourced by build-dist.sh and build-package.sh after versions.sh.
bindgen_and_opt() { # <crate wasm name> <out name> <glue name> <tmp> <out>
  local release=target/wasm32-unknown-unknown/release
  wasm-bindgen --target web --out-dir "$4" --out-name "$2" "$release/$1.wasm"
  # shellcheck disable=SC2086
  # The producers and target-features sections are for tools; no browser reads them.
  wasm-opt -Oz $WASM_OPT_FLAGS --strip-producers --strip-target-features "$4/${2}_bg.wasm" -o "$5/${2}_bg.wasm"
  cp "$4/${2}_bg.wasm.d.ts" "$5/"
  # The glue keeps its wasm's name; only its own file is renamed (samtykke.js is the loader).
  cp "$4/$2.js" "$5/$3.js"
  cp "$4/$2.d.ts" "$5/$3.d.ts"
  node scripts/shorten-imports.mjs "$5/$3.js" "$5/${2}_bg.wasm" "$5/${2}_bg.wasm.d.ts" "$5/$3.d.ts"
}

build_wasm_modules() {
  local out=$1 tmp
  tmp=$(mktemp -d)
  mkdir -p "$out"
  # One at a time: built together, cargo would unify their features (the core has no Yew).
  cargo build --release --locked -p samtykke-www --target wasm32-unknown-unknown
  bindgen_and_opt samtykke_www samtykke samtykke_core "$tmp" "$out"
  # The returning engine has no wasm-bindgen: its hand-written glue imports the core's page
  # actions (shims.js) from the snippet folder the full engine's glue made.
  cargo build --release --locked -p samtykke-www-returning --target wasm32-unknown-unknown
  # shellcheck disable=SC2086
  wasm-opt -Oz $WASM_OPT_FLAGS --strip-debug --strip-producers --strip-target-features \
    target/wasm32-unknown-unknown/release/samtykke_www_returning.wasm -o "$out/samtykke_return_bg.wasm"
  local shims gate
  shims=$(cd "$tmp" && find snippets -name shims.js)
  gate=$(cd "$tmp" && find snippets -name gate.js)
  sed "s|from './shims.js'|from './$shims'|" www/returning/glue.js > "$out/samtykke_return.js"
  grep -q "from './snippets/.*/shims.js'" "$out/samtykke_return.js" \
    || { echo "wasm-modules: could not point samtykke_return.js at shims.js" >&2; exit 1; }
  # The gated-markup check, which the returning engine fetches on a page with gated markup:
  # no wasm-bindgen either; its glue runs the markup with the full engine's page actions.
  cargo build --release --locked -p samtykke-www-gating --target wasm32-unknown-unknown
  # shellcheck disable=SC2086
  wasm-opt -Oz $WASM_OPT_FLAGS --strip-debug --strip-producers --strip-target-features \
    target/wasm32-unknown-unknown/release/samtykke_www_gating.wasm -o "$out/samtykke_gating_bg.wasm"
  sed "s|from './gate.js'|from './$gate'|" www/gating/glue.js > "$out/samtykke_gating.js"
  grep -q "from './snippets/.*/gate.js'" "$out/samtykke_gating.js" \
    || { echo "wasm-modules: could not point samtykke_gating.js at gate.js" >&2; exit 1; }
  cargo build --release --locked -p samtykke-www-ui --target wasm32-unknown-unknown
  bindgen_and_opt samtykke_www_ui samtykke_ui samtykke_ui "$tmp" "$out"
  [ -d "$tmp/snippets" ] && cp -r "$tmp/snippets" "$out/"
  rm -rf "$tmp"
}
