#!/usr/bin/env bash
# Packs pkg/ as npm would publish it, installs the tarball into the Vite app in tests/ and
# builds the app, so the e2e suite can open it. Needs `make package` first.
set -euo pipefail
cd "$(dirname "$0")/.."
tarball=$(cd pkg && npm pack --silent --pack-destination ../target)
cd tests/vite-app
npm ci --no-audit --no-fund --loglevel=error
npm install --no-save --no-audit --no-fund --loglevel=error "../../target/$tarball"
npx vite build --logLevel warn
