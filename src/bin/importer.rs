//! The importer worker (see `src/import.rs`): Trunk builds it as a second wasm module
//! (`data-type="worker"` in index.html), which the app starts on the first import or paste.

fn main() {
    #[cfg(target_arch = "wasm32")]
    calciphylaxis::importer_api::start();
}
