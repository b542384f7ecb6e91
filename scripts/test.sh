#!/usr/bin/env bash
# Every test layer, in order; stops at the first failure. Run by `make test` after setup.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
WASM=wasm32-unknown-unknown

step() { printf '\n== %s\n' "$*"; }

step "format"
cargo fmt --all --check
step "clippy (native)"
cargo clippy --locked --workspace --all-targets -- -D warnings
step "clippy (wasm32)"
cargo clippy --locked --workspace --all-targets --target $WASM -- -D warnings
step "docs"
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps -p samtykke-core -p samtykke -q
step "the core crate has no browser in it"
bash scripts/check-core-deps.sh
step "native tests: the core on its own, then the shell with in-memory twins, server-rendered markup, doctests, the small engines' exports"
cargo test --locked -p samtykke-core
cargo test --locked -p samtykke
cargo test --locked -p samtykke-www-returning -p samtykke-www-gating -p samtykke-www-first
step "fuzz: a bounded run of every parser of outside data (SECONDS_PER_TARGET, default 10 s each)"
bash scripts/fuzz.sh
step "browser tests (wasm-bindgen-test in headless Chromium)"
cargo test --locked -p samtykke --target $WASM --test browser
step "release build: Trunk demo"
trunk build --release
step "release build: dist/"
bash scripts/build-dist.sh
step "npm package: build, type-check a typed example, pack it into Vite, webpack, React and Vue apps"
bash scripts/build-package.sh --from-dist
tsc -p tests/types/tsconfig.json
bash scripts/build-bundler-apps.sh
step "ready to publish: cargo package and npm pack hold what users need, nothing of the tests"
bash scripts/check-packages.sh
step "end-to-end tests (Playwright on Chromium, against dist/ and the demo)"
node --test --test-concurrency=1 tests/e2e/
