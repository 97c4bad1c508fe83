# Calciphylaxis calculator: two commands.
#
#   make serve   install what is missing, build the release app and serve it on
#                http://127.0.0.1:8080 (offline; rebuilds on change, reload by hand)
#   make test    install what is missing, then every test layer in order, stopping
#                at the first that fails:
#                  fmt -> clippy -> unit (cargo test, and the benchmark built) -> fuzz
#                  (cargo-fuzz: committed inputs replayed, then a fixed-seed run of a fixed
#                  number of inputs) -> components (Yew SSR) -> e2e (release build in
#                  headless Chromium)
#
# Also: `make build` (release build into dist/), `make setup` (tools only),
# `make bench` (size, start-up, responsiveness and native-engine figures; not a test),
# `make audit` (Lighthouse scores of the release build, mobile and desktop; not a test).
# `make fuzz` (a timed search, FUZZ_SECONDS per target, e.g. FUZZ_SECONDS=600 make fuzz;
# never part of `make test`).
# Each layer can be run alone: make layer-fmt | layer-clippy | layer-unit | layer-fuzz |
# layer-components | layer-e2e (they assume the tools are installed).

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.ONESHELL:
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

# Trunk must find wasm-opt (binaryen@132 from npm) and wasm-bindgen (cargo install).
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)

# Tool versions shared with scripts/setup.sh and the Pages workflow.
include scripts/tool-versions.env

LOGS := target/test-logs
LAYERS := fmt clippy unit fuzz components e2e

.PHONY: help setup setup-lighthouse serve build bench audit fuzz test $(addprefix layer-,$(LAYERS))

help:
	@echo "make serve   build the app (release) and serve it on http://127.0.0.1:8080"
	@echo "make test    run every test layer: $(LAYERS)"
	@echo "make build   release build into dist/"
	@echo "make bench   benchmark the release build (table + target/bench/bench.json)"
	@echo "make audit   Lighthouse audit of the release build (table + target/bench/lighthouse.json)"
	@echo "make fuzz    fuzz every input path, FUZZ_SECONDS (default $(FUZZ_SECONDS)) per target"

setup:
	@bash scripts/setup.sh

serve: setup
	@echo "==> serving the release build on http://127.0.0.1:8080 (Ctrl-C to stop)"
	trunk serve --release --offline --no-autoreload

build: setup
	@trunk build --release --offline

# Benchmark (never part of `make test`): builds, then scripts/bench.mjs runs the browser
# measurements, criterion (benches/engine) and target/release/assess; it reports budgets but
# never fails on them.
bench: setup
	@command -v twiggy >/dev/null || cargo install twiggy --version $(TWIGGY_VERSION) --locked  # wasm size by function
	trunk build --release --offline
	node scripts/bench.mjs

# Lighthouse audit (never part of `make test`): Lighthouse lives in its own pinned
# package, tools/lighthouse, installed here on demand (npm ci, skipped when the lock
# file is unchanged since the last install). scripts/lighthouse.mjs serves dist/ on
# 127.0.0.1 and runs it in Debian's Chromium: median of 3 runs (LH_RUNS) per preset.
LH_DIR := tools/lighthouse

setup-lighthouse:
	@stamp=$(LH_DIR)/node_modules/.setup-lock.sha256
	sum=$$(sha256sum $(LH_DIR)/package-lock.json | cut -d' ' -f1)
	if [ -f "$$stamp" ] && [ "$$(cat "$$stamp")" = "$$sum" ] && [ -f $(LH_DIR)/node_modules/lighthouse/package.json ]; then
	  echo "==> lighthouse: $(LH_DIR) up to date"
	else
	  echo "==> lighthouse: npm ci --prefix $(LH_DIR)"
	  npm ci --prefix $(LH_DIR) --no-audit --no-fund --ignore-scripts
	  echo "$$sum" > "$$stamp"
	fi

audit: setup setup-lighthouse
	@trunk build --release --offline
	node scripts/lighthouse.mjs

test: setup
	@total=$$SECONDS
	summary=()
	mkdir -p $(LOGS) && rm -f $(LOGS)/*.count
	for layer in $(LAYERS); do
	  t0=$$SECONDS
	  printf '\n======== layer %s ========\n' "$$layer"
	  if ! $(MAKE) layer-$$layer; then
	    printf '\n======== layer %s FAILED after %ss ========\n' "$$layer" "$$((SECONDS - t0))"
	    exit 1
	  fi
	  summary+=("$$(printf '%-11s %4ss  %s' "$$layer" "$$((SECONDS - t0))" "$$(cat $(LOGS)/$$layer.count 2>/dev/null || true)")")
	done
	printf '\n======== all layers passed (%ss) ========\n' "$$((SECONDS - total))"
	printf '  %s\n' "$${summary[@]}"
	passed=$$(cat $(LOGS)/*.count | grep -oE '[0-9]+ passed' | awk '{ n += $$1 } END { print n + 0 }')
	failed=$$(cat $(LOGS)/*.count | grep -oE '[0-9]+ failed' | awk '{ n += $$1 } END { print n + 0 }')
	printf 'total: %s passed, %s failed\n' "$$passed" "$$failed"

$(LOGS):
	@mkdir -p $(LOGS)

# a. formatting (the fuzz crate is a workspace of its own: checked separately)
layer-fmt: | $(LOGS)
	@cargo fmt --all --check
	cargo fmt --all --check --manifest-path fuzz/Cargo.toml
	n=$$( (git ls-files --cached --others --exclude-standard '*.rs' 2>/dev/null || find . -name '*.rs' -not -path './target/*') | wc -l)
	echo "fmt: $$n .rs files formatted" | tee $(LOGS)/fmt.count

# b. lints: native (default features), native with ssr, and the wasm app
layer-clippy: | $(LOGS)
	@echo "--> cargo clippy --all-targets -- -D warnings"
	cargo clippy --all-targets -- -D warnings
	echo "--> cargo clippy --all-targets --features ssr -- -D warnings"
	cargo clippy --all-targets --features ssr -- -D warnings
	echo "--> cargo clippy --target wasm32-unknown-unknown --features csr --bin calciphylaxis-app -- -D warnings"
	cargo clippy --target wasm32-unknown-unknown --features csr --bin calciphylaxis-app -- -D warnings
	echo "--> cargo clippy --target wasm32-unknown-unknown --no-default-features --features importer --bin calciphylaxis-importer -- -D warnings"
	cargo clippy --target wasm32-unknown-unknown --no-default-features --features importer --bin calciphylaxis-importer -- -D warnings
	echo "clippy: 4 configurations, 0 warnings" | tee $(LOGS)/clippy.count

# Sum cargo's "test result:" lines into one count line.
define cargo_counts
awk '/^test result:/ { for (i = 2; i <= NF; i++) { if ($$i ~ /^passed/) p += $$(i-1); if ($$i ~ /^failed/) f += $$(i-1); if ($$i ~ /^ignored/) g += $$(i-1) } b++ } END { printf "%s: %d passed, %d failed, %d ignored (%d test binaries)\n", "$(1)", p, f, g, b }'
endef

# c. clinical core, natively
layer-unit: | $(LOGS)
	@rc=0; cargo test 2>&1 | tee $(LOGS)/unit.log || rc=$$?
	$(call cargo_counts,cargo test) < $(LOGS)/unit.log | tee $(LOGS)/unit.count
	[ "$$rc" -eq 0 ] || exit $$rc
	echo "--> cargo build -p calciphylaxis-bench --benches (the benchmark is built so it cannot rot; make bench runs it)"
	cargo build -p calciphylaxis-bench --benches

# c2. coverage-guided fuzzing (cargo-fuzz, libFuzzer) of every input path: case files,
# share links, what localStorage holds, what is typed into the form (fuzz/fuzz_targets).
# All targets are built once. In `make test` (FUZZ_MODE=replay) each target replays every
# committed input (fuzz/corpus-seed/<target> and the example cases), then runs a fixed
# number of inputs from a fixed seed (-seed=1 -runs=N) on a fresh copy of them: the same
# commit gives the same verdict on every run, so it can decide a landing. `make fuzz`
# (FUZZ_MODE=timed) runs FUZZ_SECONDS per target on a working corpus in
# target/fuzz-corpus/<target>, kept between runs: that search never decides a landing;
# commit what it finds as a seed. A target passes when libFuzzer exits 0.
# Toolchain: nightly when rustup has it, else stable with RUSTC_BOOTSTRAP=1.
# FUZZ_SANITIZER=address is possible (nightly only; slower). -max_len is kept small for
# speed (16 KiB, ten times the largest example); the 1 MiB size limits are unit-tested.
FUZZ_SECONDS ?= 20
FUZZ_MODE ?= replay
FUZZ_SANITIZER ?= none
FUZZ_TARGETS := case_json share_fragment saved_case form_inputs fhir paste
FUZZ_DIR := target/fuzz

fuzz: setup
	@$(MAKE) layer-fuzz FUZZ_MODE=timed

layer-fuzz: | $(LOGS)
	@if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
	  fuzz=(cargo +nightly fuzz); toolchain=nightly
	else
	  export RUSTC_BOOTSTRAP=1; fuzz=(cargo fuzz); toolchain="stable, RUSTC_BOOTSTRAP=1"
	fi
	flags=(--fuzz-dir fuzz --target-dir $(FUZZ_DIR) --sanitizer $(FUZZ_SANITIZER))
	echo "--> $${fuzz[*]} build $${flags[*]}  ($$toolchain)"
	"$${fuzz[@]}" build "$${flags[@]}"
	bin=$(FUZZ_DIR)/$$(rustc -vV | sed -n 's/^host: //p')/release
	passed=0; failed=0
	for target in $(FUZZ_TARGETS); do
	  corpus=target/fuzz-corpus/$$target artifacts=target/fuzz-artifacts/$$target/
	  if [ "$(FUZZ_MODE)" = replay ]; then corpus=target/fuzz-replay/$$target; rm -rf "$$corpus"; fi
	  mkdir -p "$$corpus" "$$artifacts"
	  if [ -d fuzz/corpus-seed/$$target ]; then cp fuzz/corpus-seed/$$target/* "$$corpus"/; fi
	  opts=(-max_len=16384 -dict=fuzz/case.dict)
	  case $$target in
	    case_json|saved_case) cp examples/cases/*.json "$$corpus"/ ;;
	    share_fragment)
	      for f in examples/cases/*.json; do { printf ''; cat "$$f"; } > "$$corpus/$$(basename "$$f" .json).json-link"; done ;;
	    form_inputs) opts=(-max_len=1024) ;;
	    fhir) opts=(-max_len=32768 -dict=fuzz/case.dict) ;;
	    paste) opts=(-max_len=4096) ;;
	  esac
	  # Inputs per target in replay mode: about 10 s each at this machine's speed.
	  case $$target in
	    case_json) runs=40000 ;; share_fragment) runs=15000 ;; fhir) runs=20000 ;; paste) runs=2000 ;; *) runs=100000 ;;
	  esac
	  if [ "$(FUZZ_MODE)" = replay ]; then budget=(-seed=1 -runs=$$runs); else budget=(-max_total_time=$(FUZZ_SECONDS)); fi
	  log=$(LOGS)/fuzz-$$target.log
	  rc=0
	  "$$bin/$$target" "$$corpus" "$${opts[@]}" "$${budget[@]}" -timeout=10 	    -rss_limit_mb=1024 -artifact_prefix="$$artifacts" -print_final_stats=1 > "$$log" 2>&1 || rc=$$?
	  stats=$$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE|INITED)' "$$log" | tail -n1 | grep -oE 'cov: [0-9]+ ft: [0-9]+|exec/s: [0-9]+' | paste -sd' ' || true)
	  runs=$$(sed -n 's/^stat::number_of_executed_units: *//p' "$$log")
	  if [ "$$rc" -eq 0 ]; then
	    passed=$$((passed + 1))
	    printf '  ok    %-15s %s runs, %s\n' "$$target" "$${runs:-?}" "$$stats"
	  else
	    failed=$$((failed + 1))
	    artifact=$$(sed -n 's/.*Test unit written to \(.*\)$$/\1/p' "$$log" | tail -n1)
	    printf '  FAIL  %-15s exit %s, %s\n' "$$target" "$$rc" "$$stats"
	    grep -E -m1 -A4 "panicked at|ERROR: libFuzzer|==ERROR" "$$log" | sed 's/^/        /' || true
	    printf '        log:       %s\n        artifact:  %s\n' "$$log" "$${artifact:-none written}"
	    printf '        reproduce: %s %s\n' "$$bin/$$target" "$${artifact:-<artifact>}"
	    printf '               or: %s run %s %s %s\n' "$${fuzz[*]}" "$${flags[*]}" "$$target" "$${artifact:-<artifact>}"
	  fi
	done
	if [ "$(FUZZ_MODE)" = replay ]; then how="committed inputs replayed, then -seed=1 -runs=N"; else how="$(FUZZ_SECONDS)s per target"; fi
	echo "fuzz: $$passed passed, $$failed failed ($$how, $$toolchain)" | tee $(LOGS)/fuzz.count
	[ "$$failed" -eq 0 ]

# d. Yew components rendered natively (ServerRenderer), and the UI's own unit tests (--lib with ssr)
layer-components: | $(LOGS)
	@rc=0; cargo test --features ssr --lib --test components --test trends 2>&1 | tee $(LOGS)/components.log || rc=$$?
	$(call cargo_counts,components) < $(LOGS)/components.log | tee $(LOGS)/components.count
	exit $$rc

# e. release build, then end-to-end tests in Debian's Chromium (playwright-core)
layer-e2e: | $(LOGS)
	@trunk build --release --offline
	rc=0; node --test --test-reporter=spec tests/e2e/ 2>&1 | tee $(LOGS)/e2e.log || rc=$$?
	awk '/^ℹ (tests|pass|fail|skipped) / { v[$$2] = $$3 } END { printf "e2e: %d tests, %d passed, %d failed, %d skipped\n", v["tests"], v["pass"], v["fail"], v["skipped"] }' \
	  $(LOGS)/e2e.log | tee $(LOGS)/e2e.count
	exit $$rc
