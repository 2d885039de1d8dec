# ragtop — build, run and test. Each target installs what it needs (libncurses-dev, tmux) first.
SHELL      := /bin/bash
SWIFT      ?= swift
BIN        := .build/debug/ragtop
ARGS       ?=
# make install / uninstall / dist (see docs/packaging.md)
PREFIX     ?= /usr/local
DESTDIR    ?=
VERSION    := $(shell sed -n 's/^ *static let version = "\(.*\)"/\1/p' Sources/ragtop/Ragtop.swift)
ARCH       := $(shell uname -m)
STATIC_SCRATCH ?= .build-release
STATIC_BIN := $(STATIC_SCRATCH)/release/ragtop
DIST_NAME  := ragtop-$(VERSION)-linux-$(ARCH)
DIST_DIR   ?= .
# The man page's date: the last commit's, so a rebuild of the same source gives the same page.
MANDATE    ?= $(shell git log -1 --format=%cs 2>/dev/null)

.PHONY: all run test build deps release static install uninstall dist bench fuzz fuzz-short clean

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

## static: the release build install and dist use, Swift runtime linked in (.build-release)
static: $(STATIC_BIN)

# Rebuilt only when a source changed, so `sudo make install` after `make static` builds nothing.
$(STATIC_BIN): Package.swift $(shell find Sources -type f 2>/dev/null)
	@sh .ci/deps.sh
	$(SWIFT) build -c release --static-swift-stdlib --product ragtop --scratch-path $(STATIC_SCRATCH)
	@touch $@

## install: ragtop, its data, man page and completions into $(DESTDIR)$(PREFIX) (default /usr/local)
install: $(STATIC_BIN)
	@sh packaging/install.sh "$(STATIC_BIN)" "$(DESTDIR)" "$(PREFIX)" "$(PREFIX)" "$(MANDATE)"

## uninstall: remove exactly what install put in $(DESTDIR)$(PREFIX) (its manifest says what)
uninstall:
	@sh packaging/uninstall.sh "$(DESTDIR)" "$(PREFIX)"

## dist: DIST_DIR/ragtop-VERSION-linux-ARCH.tar.gz, the installed tree (unpack anywhere, run bin/ragtop)
dist: $(STATIC_BIN)
	@rm -rf .build-dist && mkdir -p .build-dist
	@sh packaging/install.sh "$(STATIC_BIN)" "" "$(CURDIR)/.build-dist/$(DIST_NAME)" "" "$(MANDATE)" >/dev/null
	tar -C .build-dist --sort=name --owner=0 --group=0 --numeric-owner \
	  $${SOURCE_DATE_EPOCH:+--mtime=@$$SOURCE_DATE_EPOCH} -czf $(DIST_DIR)/$(DIST_NAME).tar.gz $(DIST_NAME)
	@echo "dist: $(DIST_DIR)/$(DIST_NAME).tar.gz"

## bench: England-scale benchmark against DuckDB (prints a table; see docs/performance.md)
bench: deps
	@sh Tests/Benchmarks/bench.sh

## fuzz: run every libFuzzer target for FUZZ_SECONDS each (default 600)
fuzz: deps
	@sh Tests/Fuzz/fuzz.sh $${FUZZ_SECONDS:-600}

clean:
	rm -rf .build .build-release .build-dist
