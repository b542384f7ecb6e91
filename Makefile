# The two commands of the README: `make demo` and `make test`. Every target runs the
# idempotent setup first, so a fresh machine needs nothing else.
SHELL := /bin/bash
# npm binaryen's wasm-opt must come before any system wasm-opt (Debian's 108 breaks the wasm).
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: setup demo test dist package bench

setup:
	@bash scripts/setup.sh

## Build and serve the demo site on http://127.0.0.1:8080
demo: setup
	trunk serve

## Run every test: lint, native, browser, release builds, end-to-end
test: setup
	@bash scripts/test.sh

## Build the script-tag bundle into dist/
dist: setup
	@bash scripts/build-dist.sh

## Build the npm package into pkg/
package: setup
	@bash scripts/build-package.sh

## Size and speed benchmark against vanilla-cookieconsent (not part of make test)
bench: setup dist
	node tests/bench/run.mjs
