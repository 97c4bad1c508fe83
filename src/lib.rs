//! Calciphylaxis clinical calculator.
//!
//! [`core`] is the clinical engine: plain Rust, no web dependency, tested natively and
//! compiled unchanged into the browser app. [`ui`] (features `csr` / `ssr`) holds the
//! Yew components that render what the core decides; [`form`] holds what the user typed
//! and turns it into a case, [`saved`] what is kept on the device and [`share`] the case
//! as a link (no web dependency either).

pub mod about;
pub mod core;
pub mod form;
pub mod import;
pub mod saved;
pub mod share;

#[cfg(feature = "ui")]
pub mod ui;

/// Talc in place of Rust's default dlmalloc in the wasm modules (single-threaded: no
/// atomics): fewer bytes and faster allocation (README, "Size").
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The JavaScript API of the browser build (`assess`, `loadLanguage`, `version`, `labs`).
#[cfg(all(target_arch = "wasm32", feature = "csr"))]
pub mod api;

/// The importer worker's side of `src/import.rs` and its `caseFromFhir`.
#[cfg(all(target_arch = "wasm32", feature = "importer"))]
pub mod importer_api;
