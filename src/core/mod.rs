//! The clinical core: case model, lab catalogue and units, rules, evidence and `assess`.
