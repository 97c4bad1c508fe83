//! The app's custom hooks: what `App` computes and what it does after a render, each in
//! its own file.

mod use_assessment;
mod use_document_language;
mod use_language;
mod use_remember;
mod use_share_link;
mod use_typed_before_start;

pub use use_assessment::{use_assessment, Computed};
pub use use_document_language::use_document_language;
pub use use_language::use_language;
pub use use_remember::use_remember;
pub use use_share_link::use_share_link;
pub use use_typed_before_start::use_typed_before_start;
