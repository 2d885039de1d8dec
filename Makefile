# ragtop — build, run and test. Each target installs what it needs (libncurses-dev, tmux) first.
SHELL      := /bin/bash
SWIFT      ?= swift
BIN        := .build/debug/ragtop
ARGS       ?=

.PHONY: all run test build deps release bench fuzz fuzz-short clean

all: build

## deps: install libncurses-dev and tmux when missing (apt-get as root, else print the command)
deps:
	@sh .ci/deps.sh

## build: compile ragtop (debug)
build: deps
	$(SWIFT) build --product ragtop

## run: open ragtop on the bundled Kent CYPE scorecard
run: build
	@$(BIN) $(ARGS)

## test: the whole suite — unit, golden snapshots and end-to-end tests in tmux
test: deps
	$(SWIFT) build --build-tests
	@set -o pipefail; mkdir -p .build; \
	$(SWIFT) test --skip-build --disable-swift-testing 2>&1 | tee .build/test.log; status=$$?; \
	summary=$$(grep -E "^[[:space:]]*Executed [0-9]+ tests?, with " .build/test.log | tail -n 1); \
	total=$$(echo "$$summary" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/'); \
	failed=$$(echo "$$summary" | sed -E 's/.* ([0-9]+) failures?.*/\1/'); \
	skipped=$$(echo "$$summary" | grep -oE '[0-9]+ tests? skipped' | grep -oE '^[0-9]+' || true); \
	skipped=$${skipped:-0}; \
	if [ -n "$$summary" ]; then echo "$$((total - failed - skipped)) passed, $$failed failed, $$skipped skipped"; fi; \
	exit $$status

## release: optimised build in .build/release
release: deps
	$(SWIFT) build -c release --product ragtop

## bench: England-scale benchmark against DuckDB (prints a table; see docs/performance.md)
bench: deps
	@sh Tests/Benchmarks/bench.sh

## fuzz: run every libFuzzer target for FUZZ_SECONDS each (default 600)
fuzz: deps
	@sh Tests/Fuzz/fuzz.sh $${FUZZ_SECONDS:-600}

clean:
	rm -rf .build
