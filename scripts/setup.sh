#!/usr/bin/env bash
# Installs everything the build and the tests need, from the package registries
# only (crates.io, npm, Debian). Idempotent: each tool's --version is checked
# first, so a second run takes seconds. Fails loudly, naming the step that broke.
#
#   scripts/setup.sh            # everything (build + tests)
#   SETUP_SKIP_BROWSER=1 scripts/setup.sh   # no Chromium (e.g. a build-only machine)
#
# Tools: rustup target wasm32-unknown-unknown, rustfmt, clippy; trunk 0.21.14
# (cargo install --locked); wasm-bindgen-cli at exactly the wasm-bindgen version
# of Cargo.lock (cargo install WITHOUT --locked: its own lock file pins a crate the
# registry does not serve); npm ci (playwright-core, binaryen@132 for wasm-opt,
# axe-core); Debian chromium, chromium-driver, fonts-noto-cjk; cargo-fuzz $CARGO_FUZZ_VERSION
# (cargo install --locked; the fuzz layer uses the nightly toolchain when rustup has it,
# else stable with RUSTC_BOOTSTRAP=1); carebundle (pip, pinned in
# tools/fhir-fixtures/requirements.txt) for regenerating the FHIR fixtures.
# Never installs Debian's binaryen (v108 cannot read current rustc output) and
# never downloads a browser with playwright.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

# TRUNK_VERSION, CARGO_FUZZ_VERSION, BINARYEN_VERSION, NODE_MAJOR: shared with the workflow.
# shellcheck source=tool-versions.env
source "$ROOT/scripts/tool-versions.env"
APT_PACKAGES=(chromium chromium-driver fonts-noto-cjk)

export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

STEP=""
START=$SECONDS
step() { STEP="$1"; printf '==> setup: %s\n' "$1"; }
ok() { printf '    ok: %s\n' "$1"; }
on_error() {
  local rc=$?
  printf '\nsetup FAILED at step: %s (exit %s)\n' "$STEP" "$rc" >&2
  exit "$rc"
}
trap on_error ERR
die() { printf '\nsetup FAILED at step: %s: %s\n' "$STEP" "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root (or sudo) to run: $*"
  fi
}

# --- Rust -------------------------------------------------------------------
step "rust toolchain (cargo, rustup)"
command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs)"
command -v rustup >/dev/null || die "rustup not found: the wasm32 target and components are added with rustup"
ok "$(cargo --version)"

step "rustup target wasm32-unknown-unknown"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  ok "installed"
else
  rustup target add wasm32-unknown-unknown
fi

step "rustfmt and clippy components"
if cargo fmt --version >/dev/null 2>&1 && cargo clippy --version >/dev/null 2>&1; then
  ok "$(cargo fmt --version); $(cargo clippy --version)"
else
  rustup component add rustfmt clippy
  cargo fmt --version && cargo clippy --version
fi

# --- Debian packages: Chromium for the end-to-end tests ----------------------
if [ "${SETUP_SKIP_BROWSER:-}" = 1 ]; then
  step "chromium (skipped: SETUP_SKIP_BROWSER=1)"
else
  step "apt: ${APT_PACKAGES[*]}"
  missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -eq 0 ] && [ -x /usr/bin/chromium ]; then
    ok "already installed"
  else
    command -v apt-get >/dev/null || die "apt-get not found: install ${missing[*]} by hand (Chromium at /usr/bin/chromium)"
    export DEBIAN_FRONTEND=noninteractive
    # apt-get update only when the package lists are missing or the install fails.
    if ! ls /var/lib/apt/lists/*_Packages >/dev/null 2>&1; then
      as_root apt-get update
    fi
    if ! as_root apt-get install -y "${missing[@]}"; then
      as_root apt-get update
      as_root apt-get install -y "${missing[@]}"
    fi
  fi
  step "chromium --version"
  # Debian's wrapper script may print a harmless shell warning on stderr.
  /usr/bin/chromium --version 2>/dev/null | grep -q Chromium || die "/usr/bin/chromium does not run"
  ok "$(/usr/bin/chromium --version 2>/dev/null)"
  command -v chromedriver >/dev/null && ok "$(chromedriver --version 2>/dev/null | head -n1)"
fi

# --- Trunk --------------------------------------------------------------------
step "trunk $TRUNK_VERSION"
if [ "$(trunk --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ]; then
  ok "trunk $TRUNK_VERSION"
else
  # 0.22.x needs a newer rustc than 1.95; --locked keeps Trunk's tested dependencies.
  cargo install --locked trunk --version "$TRUNK_VERSION"
  [ "$(trunk --version)" = "trunk $TRUNK_VERSION" ] || die "trunk --version: $(trunk --version)"
fi

# --- wasm-bindgen CLI matching Cargo.lock --------------------------------------
step "wasm-bindgen-cli (version from Cargo.lock)"
[ -f Cargo.lock ] || die "Cargo.lock missing: run cargo generate-lockfile and commit it"
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
[ -n "$WB_VERSION" ] || die "no wasm-bindgen package in Cargo.lock"
TRUNK_WB="$(sed -n 's/^wasm_bindgen *= *"\(.*\)"/\1/p' Trunk.toml)"
[ "$TRUNK_WB" = "$WB_VERSION" ] || die "Trunk.toml [tools] wasm_bindgen = \"$TRUNK_WB\" but Cargo.lock has wasm-bindgen $WB_VERSION: make them equal"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$WB_VERSION" ]; then
  ok "wasm-bindgen $WB_VERSION"
else
  # Not --locked: the CLI's own lock file pins a crate newer than the registry serves.
  cargo install --force wasm-bindgen-cli --version "$WB_VERSION"
  [ "$(wasm-bindgen --version | awk '{print $2}')" = "$WB_VERSION" ] || die "wasm-bindgen --version: $(wasm-bindgen --version)"
fi

# --- cargo-fuzz (the fuzz layer) ------------------------------------------------
step "cargo-fuzz $CARGO_FUZZ_VERSION"
if [ "$(cargo fuzz --version 2>/dev/null || true)" = "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  ok "cargo-fuzz $CARGO_FUZZ_VERSION"
else
  cargo install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
  [ "$(cargo fuzz --version)" = "cargo-fuzz $CARGO_FUZZ_VERSION" ] || die "cargo fuzz --version: $(cargo fuzz --version)"
fi
command -v g++ >/dev/null || die "g++ not found: libFuzzer (libfuzzer-sys) is built with it (apt-get install g++)"

# --- npm: playwright-core, binaryen (wasm-opt), axe-core ----------------------
step "node and npm"
command -v node >/dev/null || die "node not found (Node.js >= $NODE_MAJOR needed)"
command -v npm >/dev/null || die "npm not found"
FOUND_NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
[ "$FOUND_NODE_MAJOR" -ge "$NODE_MAJOR" ] || die "Node.js >= $NODE_MAJOR needed, found $(node --version)"
ok "node $(node --version), npm $(npm --version 2>/dev/null)"

step "npm ci (package-lock.json)"
[ -f package-lock.json ] || die "package-lock.json missing"
STAMP="node_modules/.setup-lock.sha256"
LOCK_SUM="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$LOCK_SUM" ] \
  && wasm-opt --version 2>/dev/null | grep -q "version_$BINARYEN_VERSION" \
  && [ -f node_modules/playwright-core/package.json ] && [ -f node_modules/axe-core/axe.min.js ]; then
  ok "node_modules up to date"
else
  npm ci --no-audit --no-fund
  echo "$LOCK_SUM" > "$STAMP"
fi

step "wasm-opt from node_modules (binaryen $BINARYEN_VERSION)"
grep -q "\"binaryen\": \"[~^]\\{0,1\\}$BINARYEN_VERSION[.\"]" package.json || die "package.json's binaryen is not version $BINARYEN_VERSION of scripts/tool-versions.env"
[ "$(command -v wasm-opt)" = "$ROOT/node_modules/.bin/wasm-opt" ] || die "wasm-opt on PATH is $(command -v wasm-opt), expected node_modules/.bin/wasm-opt"
wasm-opt --version | grep -q "version_$BINARYEN_VERSION" || die "wasm-opt --version: $(wasm-opt --version)"
ok "$(wasm-opt --version)"
if [ -x /usr/bin/wasm-opt ]; then
  printf '    warning: /usr/bin/wasm-opt exists (Debian binaryen?). Keep node_modules/.bin first on PATH.\n'
fi

# --- Python: carebundle, the FHIR fixture generator (tools/fhir-fixtures) ------------
# Only tools/fhir-fixtures/generate.sh uses it (the tests read the committed fixtures), so
# a machine without python3 gets a warning, not a failure. SETUP_SKIP_FHIR_FIXTURES=1 skips.
FIXTURES_VENV="$ROOT/target/fhir-fixtures-venv"
CAREBUNDLE_VERSION="$(sed -n 's/^carebundle==//p' tools/fhir-fixtures/requirements.txt)"
if [ "${SETUP_SKIP_FHIR_FIXTURES:-}" = 1 ]; then
  step "carebundle (skipped: SETUP_SKIP_FHIR_FIXTURES=1)"
elif ! command -v python3 >/dev/null; then
  step "carebundle $CAREBUNDLE_VERSION"
  printf '    warning: python3 not found: tools/fhir-fixtures/generate.sh will not run (tests do not need it)\n'
else
  step "carebundle $CAREBUNDLE_VERSION (pip, tools/fhir-fixtures/requirements.txt, into target/fhir-fixtures-venv)"
  if [ "$("$FIXTURES_VENV/bin/pip" show carebundle 2>/dev/null | sed -n 's/^Version: //p')" = "$CAREBUNDLE_VERSION" ]; then
    ok "carebundle $CAREBUNDLE_VERSION"
  else
    # Debian splits venv out of python3: install it when missing. No test needs the
    # generator (only generate.sh and make bench's cohort), so a failure here is a warning.
    if ! python3 -c 'import ensurepip, venv' 2>/dev/null && command -v apt-get >/dev/null; then
      as_root apt-get install -y python3-venv || true
    fi
    if python3 -m venv "$FIXTURES_VENV" \
      && "$FIXTURES_VENV/bin/pip" install --quiet -r tools/fhir-fixtures/requirements.txt \
      && "$FIXTURES_VENV/bin/carebundle" --help >/dev/null; then
      ok "carebundle $CAREBUNDLE_VERSION"
    else
      printf '    warning: carebundle %s could not be installed: generate.sh and make bench'"'"'s FHIR cohort need it (the tests do not)\n' "$CAREBUNDLE_VERSION"
    fi
  fi
fi

# --- crates: `trunk build --offline` passes --offline to cargo --------------
step "cargo fetch (all crates in Cargo.lock, for every target)"
cargo fetch --quiet
cargo fetch --quiet --manifest-path fuzz/Cargo.toml
ok "crates present"

STEP="done"
printf '==> setup: all tools present (%ss). Put node_modules/.bin on PATH for trunk:\n    export PATH="%s/node_modules/.bin:$PATH"\n' \
  "$((SECONDS - START))" "$ROOT"
