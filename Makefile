# Two commands set everything up on a fresh machine: `make site` and `make test`.
SWIFT ?= swift
SWIFT_FLAGS ?=
MOTCUA_RELEASE := .build/release/motcua

.PHONY: site test deps test-deps release unit quality bench clean

## make site: install what is missing, build in release mode, generate Output/ from Content/ + Theme/.
site: deps release
	$(MOTCUA_RELEASE) build

release:
	$(SWIFT) build -c release --product motcua $(SWIFT_FLAGS)

deps:
	@bash scripts/install-deps.sh build

test-deps:
	@bash scripts/install-deps.sh test

## make test: every test — unit, golden site, end-to-end, bad input, the sample content against docs/schema/
## (jsonschema), the output checks, and the adversarial probe (207 cases against the release binary).
## The output checks run the release binary, the one `make site` gives editors: under 1,000 connections a
## debug server's slowest answers come near wrk's 5 s timeout (4.9 s), a release server's stay under 2.2 s.
test: deps test-deps
	$(SWIFT) build --product motcua $(SWIFT_FLAGS)
	SWIFT=$(SWIFT) bash scripts/swift-test.sh $(SWIFT_FLAGS)
	python3 Tests/quality/check_schemas.py
	$(SWIFT) build -c release --product motcua $(SWIFT_FLAGS)
	MOTCUA_BIN=$(MOTCUA_RELEASE) python3 Tests/quality/run_quality.py
	python3 Tests/quality/probe_adversarial.py --bin $(MOTCUA_RELEASE)

## make bench: speed and memory figures (not part of make test).
bench: deps release
	python3 Benchmarks/run_bench.py

clean:
	rm -rf .build Output test-artifacts
