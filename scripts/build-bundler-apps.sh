#!/usr/bin/env bash
# Packs pkg/ as npm would publish it, installs the tarball into the Vite app, the webpack app,
# the React app and the Vue app in tests/ and builds them, so the e2e suite can open them.
# Needs `make package` first.
set -euo pipefail
cd "$(dirname "$0")/.."
tarball=$(cd pkg && npm pack --silent --pack-destination ../target)
for app in vite-app webpack-app react-app vue-app; do
  (
    cd "tests/$app"
    npm ci --no-audit --no-fund --loglevel=error
    npm install --no-save --no-audit --no-fund --loglevel=error "../../target/$tarball"
    npm run --silent build
  )
done
cp tests/webpack-app/index.html tests/webpack-app/dist/
