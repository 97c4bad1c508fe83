//! The clinical core: case model, lab catalogue and units, rules, evidence and `assess`.
//!
//! Plain Rust with no web dependency: `cargo test` exercises exactly the code the browser
//! runs. Knowledge (labs, findings, risk factors, criteria, citations) is data in
//! [`labs`], [`findings`] and [`citations`]; the rule modules read it.

/// A closed set of canonical ids (from `clinical.md` / `case-format.md`) as a Rust enum,
/// serialised as its id. Written `Variant = "id" => msg::table::KEY`, each variant also
/// carries its words: `text()` is the catalogue message, `name(lang)` the words in a
/// language, so no label is ever made from an id.
macro_rules! id_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $id:literal => $text:expr),+ $(,)? }) => {
        id_enum! { $(#[$meta])* $name { $($variant = $id),+ } }

        impl $name {
            /// The value's words, from the catalogue.
            pub const fn text(self) -> $crate::core::i18n::Text {
                match self { $($name::$variant => $text),+ }
            }

            /// The value's words in `lang`.
            pub fn name(self, lang: $crate::core::i18n::Lang) -> &'static str {
                self.text().get(lang)
            }
        }
    };
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $id:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            pub fn from_id(id: &str) -> Option<Self> {
                match id { $($id => Some($name::$variant),)+ _ => None }
            }

            /// The accepted ids, quoted as they are written in a case file, for error
            /// messages.
            pub fn ids() -> String {
                Self::ALL.iter().map(|v| format!("\"{}\"", v.id())).collect::<Vec<_>>().join(", ")
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.id())
            }
        }
    };
}

pub mod antiphospholipid;
pub mod assess;
pub mod case;
pub mod citations;
pub mod date;
pub mod derived;
pub mod diagnosis;
pub mod fhir;
pub mod field_path;
pub mod findings;
pub mod followup;
pub mod i18n;
pub mod inputs;
pub mod labs;
pub mod logic;
pub mod msc;
pub mod note;
pub mod paste;
pub mod report;
pub mod risk;
pub mod teaching;
pub mod workup;

pub use assess::{
    assess, assess_in, assess_json, assess_json_in, assess_parsed, assess_parsed_in, Assessment,
};
pub use case::{parse_case_text, parse_case_text_in, Case, Treatment, TreatmentKind, Visit};
pub use followup::{FollowUp, MarkerTrend};
pub use i18n::Lang;
