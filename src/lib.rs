//! Calciphylaxis clinical calculator.
//!
//! [`core`] is the clinical engine: plain Rust, no web dependency, tested natively and
//! compiled unchanged into the browser app. [`ui`] (features `csr` / `ssr`) holds the
//! Yew components that render what the core decides.

pub mod core;

#[cfg(feature = "ui")]
pub mod ui;
