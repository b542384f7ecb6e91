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
#   samtykke_first.js + samtykke_first_bg.wasm
#                                             the first-visit engine: the core's config
#                                             reader, rules and banner (no wasm-bindgen),
#                                             for a page without gated embeds or a notice
#   samtykke_ui.js + samtykke_ui_bg.wasm      the Yew views (the preferences dialog, notices),
#                                             fetched only when one must show; they read the
#                                             core's state
# plus snippets/. Sourced by build-dist.sh and build-package.sh after versions.sh.

# Where the engines are built: a target folder of their own, since they build with another
# toolchain and std than the tests do.
ENGINES=target/engines/wasm32-unknown-unknown/release

# Builds one engine crate for the page. Every page view downloads these, so they build with
# the nightly toolchain's std source instead of stable's prebuilt std: std compiled for size,
# and panics that abort at once, without their messages, locations or Debug formatting (no
# engine shows any of them; a panic already ended in abort). 3.6 kB brotli less on a first
# visit (see CHANGELOG.md). Nothing here changes what the code does.
build_engine() { # <package>
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
    CARGO_TARGET_DIR=target/engines \
    cargo +nightly build --release --locked -p "$1" --target wasm32-unknown-unknown \
    -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
}

# wasm-opt's passes for every engine: -Oz after restructuring the control flow (flatten, then
# rereloop), until nothing more shrinks; 0.5 kB brotli less on a first visit than -Oz alone.
SHRINK="--flatten --rereloop -Oz --converge"

bindgen_and_opt() { # <crate wasm name> <out name> <glue name> <tmp> <out>
  local release=$ENGINES
  wasm-bindgen --target web --out-dir "$4" --out-name "$2" "$release/$1.wasm"
  # shellcheck disable=SC2086
  # The producers and target-features sections are for tools; no browser reads them.
  wasm-opt $SHRINK $WASM_OPT_FLAGS --strip-producers --strip-target-features "$4/${2}_bg.wasm" -o "$5/${2}_bg.wasm"
  cp "$4/${2}_bg.wasm.d.ts" "$5/"
  # The glue keeps its wasm's name; only its own file is renamed (samtykke.js is the loader).
  cp "$4/$2.js" "$5/$3.js"
  cp "$4/$2.d.ts" "$5/$3.d.ts"
  node scripts/shorten-imports.mjs "$5/$3.js" "$5/${2}_bg.wasm" "$5/${2}_bg.wasm.d.ts" "$5/$3.d.ts"
}

# Copies the JS module <source> to <target>, pointing its import of './room.js' at that
# snippet in <out> (the glue's snippets keep their folder, whose name carries a hash).
copy_pointing_at_room() { # <source> <target> <out>
  local room
  room=$(cd "$3" && find snippets -name room.js)
  sed "s|from './room.js'|from './$room'|" "$1" > "$2"
  grep -q "from './snippets/.*/room.js'" "$2" \
    || { echo "wasm-modules: could not point $2 at room.js" >&2; exit 1; }
}

build_wasm_modules() {
  local out=$1 tmp
  tmp=$(mktemp -d)
  mkdir -p "$out"
  # One at a time: built together, cargo would unify their features (the core has no Yew).
  build_engine samtykke-www
  bindgen_and_opt samtykke_www samtykke samtykke_core "$tmp" "$out"
  # The returning engine has no wasm-bindgen: its hand-written glue imports the core's page
  # actions (shims.js) from the snippet folder the full engine's glue made.
  build_engine samtykke-www-returning
  # shellcheck disable=SC2086
  wasm-opt $SHRINK $WASM_OPT_FLAGS --strip-debug --strip-producers --strip-target-features \
    "$ENGINES/samtykke_www_returning.wasm" -o "$out/samtykke_return_bg.wasm"
  local shims gate
  shims=$(cd "$tmp" && find snippets -name shims.js)
  gate=$(cd "$tmp" && find snippets -name gate.js)
  sed "s|from './shims.js'|from './$shims'|" www/returning/glue.js > "$out/samtykke_return.js"
  grep -q "from './snippets/.*/shims.js'" "$out/samtykke_return.js" \
    || { echo "wasm-modules: could not point samtykke_return.js at shims.js" >&2; exit 1; }
  # The gated-markup check, which the returning engine fetches on a page with gated markup:
  # no wasm-bindgen either; its glue runs the markup with the full engine's page actions.
  build_engine samtykke-www-gating
  # shellcheck disable=SC2086
  wasm-opt $SHRINK $WASM_OPT_FLAGS --strip-debug --strip-producers --strip-target-features \
    "$ENGINES/samtykke_www_gating.wasm" -o "$out/samtykke_gating_bg.wasm"
  sed -e "s|from './gate.js'|from './$gate'|" -e "s|from './shims.js'|from './$shims'|" \
    www/gating/glue.js > "$out/samtykke_gating.js"
  grep -q "from './snippets/.*/gate.js'" "$out/samtykke_gating.js" \
    || { echo "wasm-modules: could not point samtykke_gating.js at gate.js" >&2; exit 1; }
  # The first-visit engine: no wasm-bindgen either; its glue draws the banner and runs the
  # steps and gated scripts with the full engine's page actions (shims.js, room.js, gate.js).
  build_engine samtykke-www-first
  # shellcheck disable=SC2086
  wasm-opt $SHRINK $WASM_OPT_FLAGS --strip-debug --strip-producers --strip-target-features \
    "$ENGINES/samtykke_www_first.wasm" -o "$out/samtykke_first_bg.wasm"
  local room
  room=$(cd "$tmp" && find snippets -name room.js)
  sed -e "s|from './shims.js'|from './$shims'|" -e "s|from './room.js'|from './$room'|" \
    -e "s|import('./gate.js')|import('./$gate')|" www/first/glue.js > "$out/samtykke_first.js"
  grep -q "from './snippets/.*/room.js'" "$out/samtykke_first.js" \
    && grep -q "import('./snippets/.*/gate.js')" "$out/samtykke_first.js" \
    || { echo "wasm-modules: could not point samtykke_first.js at room.js and gate.js" >&2; exit 1; }
  build_engine samtykke-www-ui
  bindgen_and_opt samtykke_www_ui samtykke_ui samtykke_ui "$tmp" "$out"
  [ -d "$tmp/snippets" ] && cp -r "$tmp/snippets" "$out/"
  rm -rf "$tmp"
}
