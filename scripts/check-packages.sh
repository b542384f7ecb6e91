#!/usr/bin/env bash
# Ready to publish: each crate packages and builds from its package alone, and the crates and
# the npm package (pkg/, from `make package`) hold what a user needs and nothing of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "check-packages: $*" >&2; exit 1; }

# Each list: exactly these files (globs), and every glob matched.
check() {
  local what=$1 list=$2; shift 2
  local file pattern matched
  while read -r file; do
    matched=
    for pattern in "$@"; do
      # shellcheck disable=SC2053
      [[ $file == $pattern ]] && matched=1 && break
    done
    [ -n "$matched" ] || fail "$what ships $file, which is not meant for users"
  done <<<"$list"
  for pattern in "$@"; do
    matched=
    while read -r file; do
      # shellcheck disable=SC2053
      [[ $file == $pattern ]] && matched=1 && break
    done <<<"$list"
    [ -n "$matched" ] || fail "$what lacks $pattern"
  done
  echo "check-packages: $what: $(wc -l <<<"$list") files, as expected"
}

META=(.cargo_vcs_info.json Cargo.toml Cargo.toml.orig Cargo.lock README.md LICENSE-MIT LICENSE-APACHE)
check samtykke-core "$(cargo package --locked -p samtykke-core --list --allow-dirty)" \
  "${META[@]}" src/lib.rs 'src/*.rs' build.rs 'build/*.rs' texts/en.json 'texts/*.json'
check samtykke "$(cargo package --locked -p samtykke --list --allow-dirty)" \
  "${META[@]}" src/lib.rs 'src/*.rs' 'src/*/*.rs' src/browser/shims.js src/browser/gate.js src/browser/room.js src/demo/config.json
# Both build from their packages alone (the shell against the packaged core). Cargo takes a
# registry crate of the same version as unchanged, so an unpacking or a build of the core
# from an earlier run would be reused: start both from nothing.
rm -rf "${CARGO_HOME:-$HOME/.cargo}"/registry/src/-*/samtykke-core-* target/package-verify
cargo package --locked -p samtykke-core -p samtykke --allow-dirty -q --target-dir target/package-verify

npm_list=$(cd pkg && npm pack --dry-run --json | node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    for (const f of JSON.parse(s)[0].files) console.log(f.path);
  });')
check "npm package" "$npm_list" package.json README.md LICENSE-MIT LICENSE-APACHE index.js samtykke.full.js index.d.ts \
  config.d.ts config.schema.json samtykke.css samtykke_core.js samtykke_core.d.ts samtykke_bg.wasm \
  samtykke_bg.wasm.d.ts samtykke_return.js samtykke_return_bg.wasm samtykke_gating.js samtykke_gating_bg.wasm samtykke_first.js samtykke_first_bg.wasm samtykke_ui.js samtykke_ui.d.ts samtykke_ui_bg.wasm samtykke_ui_bg.wasm.d.ts \
  'snippets/*' 'lang/*.js'
