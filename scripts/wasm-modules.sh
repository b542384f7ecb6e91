# Builds the two wasm modules and their glue into $1, named as dist/ and pkg/ ship them:
# samtykke_core.js + samtykke_bg.wasm (the engine every page loads), samtykke_ui.js +
# samtykke_ui_bg.wasm (the Yew UI, fetched on demand), snippets/, and samtykke.entry.js.
# Sourced by build-dist.sh and build-package.sh after versions.sh.
build_wasm_modules() {
  local out=$1 tmp
  cargo build --release --locked -p samtykke-www -p samtykke-www-ui --target wasm32-unknown-unknown
  tmp=$(mktemp -d)
  wasm-bindgen --target web --out-dir "$tmp" --out-name samtykke target/wasm32-unknown-unknown/release/samtykke_www.wasm
  wasm-bindgen --target web --out-dir "$tmp" --out-name samtykke_ui target/wasm32-unknown-unknown/release/samtykke_www_ui.wasm
  mkdir -p "$out"
  for wasm in samtykke_bg samtykke_ui_bg; do
    # shellcheck disable=SC2086
    wasm-opt -Oz $WASM_OPT_FLAGS "$tmp/$wasm.wasm" -o "$out/$wasm.wasm"
    cp "$tmp/$wasm.wasm.d.ts" "$out/"
  done
  # The glue keeps its wasm's name; only the core glue is renamed, for the loader's sake.
  cp "$tmp/samtykke.js" "$out/samtykke_core.js"
  cp "$tmp/samtykke.d.ts" "$out/samtykke_core.d.ts"
  cp "$tmp/samtykke_ui.js" "$out/samtykke_ui.js"
  cp "$tmp/samtykke_ui.d.ts" "$out/samtykke_ui.d.ts"
  [ -d "$tmp/snippets" ] && cp -r "$tmp/snippets" "$out/"
  rm -rf "$tmp"
}
