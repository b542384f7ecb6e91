#!/usr/bin/env bash
# Packs pkg/ as npm would publish it, installs the tarball into the Vite app and the webpack
# app in tests/ and builds both, so the e2e suite can open them. Needs `make package` first.
set -euo pipefail
cd "$(dirname "$0")/.."
tarball=$(cd pkg && npm pack --silent --pack-destination ../target)
for app in vite-app webpack-app; do
  (
    cd "tests/$app"
    npm ci --no-audit --no-fund --loglevel=error
    npm install --no-save --no-audit --no-fund --loglevel=error "../../target/$tarball"
    npm run --silent build
  )
done
cp tests/webpack-app/index.html tests/webpack-app/dist/
