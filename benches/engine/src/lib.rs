//! Nothing here: the benchmark is `benches/assess.rs` (run by `make bench`).
