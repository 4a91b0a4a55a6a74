# Newsreader: the two commands are `make demo` and `make test`.
# Everything else is a building block they use; `make help` lists them all.
# Each target's `## target: text` line is its entry in `make help`.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
PORT ?= 8080
FUZZ_SECONDS ?= 60
export NODE_PATH := /usr/share/nodejs
JOBS ?= $(shell nproc)
# Plain `make` is `make demo`.
.DEFAULT_GOAL := demo

.PHONY: help demo test build bootstrap native native-asan wasm test-native test-asan test-browser bench fuzz dist \
	format format-check clean

## help: list the targets with what each does
help:
	@sed -nE 's/^## ([a-z-]+): (.*)/\1\t\2/p' $(MAKEFILE_LIST) | awk -F'\t' '{ printf "  %-13s %s\n", $$1, $$2 }'

## demo: install what is missing, build, and serve the demo on 127.0.0.1:PORT (default 8080)
demo: bootstrap wasm
	@python3 scripts/serve.py build/wasm/site --port $(PORT)

## test: install, build natively and for wasm, run every suite
test: bootstrap
	@scripts/run-tests.sh

## build: bootstrap, then the native and wasm builds
build: bootstrap native wasm

## bootstrap: install missing Debian and npm packages, build SDL2 for wasm, subset the fonts
bootstrap:
	@scripts/bootstrap.sh

## native: Debug build with unit tests, linter and desktop app (build/native)
native:
	@scripts/configure.sh native
	cmake --build --preset native -j $(JOBS)

## native-asan: Debug build of the unit tests under AddressSanitizer + UBSan (build/native-asan)
native-asan:
	@scripts/configure.sh native-asan
	cmake --build --preset native-asan -j $(JOBS)

## wasm: the wasm module, staged site (build/wasm/site) and wasm unit tests
wasm:
	@scripts/configure.sh wasm
	cmake --build --preset wasm -j $(JOBS)

## test-native: build native, run its unit tests (ctest)
test-native: native
	ctest --preset native -j $(JOBS)

## test-asan: build native-asan, run its unit tests (ctest)
test-asan: native-asan
	ctest --preset native-asan -j $(JOBS)

## test-browser: build wasm, run the browser tests in headless Chromium
test-browser: wasm
	node tests/browser/run.mjs

## bench: release wasm in headless Chromium against the DOM baseline, plus native parsing
bench: bootstrap
	@scripts/bench.sh

## fuzz: libFuzzer over parsing and HTML-to-blocks for FUZZ_SECONDS
fuzz: bootstrap
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

## dist: the files a partner or CDN hosts, content-hashed and precompressed (build/dist)
dist: bootstrap wasm
	@python3 scripts/make-dist.py build/wasm/site build/dist

## format: rewrite the C++ files under src/ and tests/ in place with clang-format
format:
	@scripts/format.sh

## format-check: name the C++ files clang-format would change; fails if there are any
format-check:
	@scripts/format.sh --check

## clean: remove the build trees (keeps build/deps and build/fonts)
clean:
	rm -rf build/native build/native-asan build/native-release build/wasm build/test-artifacts
