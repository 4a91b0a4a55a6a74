# Newsreader: the two commands are `make demo` and `make test`.
# Everything else is a building block they use.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
PORT ?= 8080
FUZZ_SECONDS ?= 60
export NODE_PATH := /usr/share/nodejs
JOBS ?= $(shell nproc)

.PHONY: demo test build bootstrap native native-asan wasm test-native test-asan test-browser bench fuzz dist clean

## demo: install what is missing, build, and serve the demo on 127.0.0.1:$(PORT)
demo: bootstrap wasm
	@python3 scripts/serve.py build/wasm/site --port $(PORT)

## test: install, build natively and for wasm, run every suite
test: bootstrap
	@scripts/run-tests.sh

## build: bootstrap, then the native and wasm builds
build: bootstrap native wasm

bootstrap:
	@scripts/bootstrap.sh

native:
	cmake --preset native >/dev/null
	cmake --build --preset native -j $(JOBS)

native-asan:
	cmake --preset native-asan >/dev/null
	cmake --build --preset native-asan -j $(JOBS)

wasm:
	cmake --preset wasm >/dev/null
	cmake --build --preset wasm -j $(JOBS)

test-native: native
	ctest --preset native -j $(JOBS)

test-asan: native-asan
	ctest --preset native-asan -j $(JOBS)

test-browser: wasm
	node tests/browser/run.mjs

## bench: release wasm in headless Chromium against the DOM baseline, plus native parsing
bench: bootstrap
	@scripts/bench.sh

## fuzz: libFuzzer over parsing and HTML-to-blocks for FUZZ_SECONDS
fuzz: bootstrap
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh

## dist: the release files a partner hosts
dist: bootstrap wasm
	@echo "release files: build/wasm/site/"

clean:
	rm -rf build/native build/native-asan build/native-release build/wasm build/test-artifacts
