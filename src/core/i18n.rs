//! The two languages of every output: English and Simplified Chinese. Clinical text is
//! written in both where it is produced, so a clinician reads the same basis in either.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub fn id(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    pub fn from_id(id: &str) -> Option<Lang> {
        match id {
            "en" => Some(Lang::En),
            "zh" | "zh-CN" | "zh-Hans" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The language tag of a page in this language (`<html lang>`).
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-Hans",
        }
    }

    /// The language for a browser language tag (`navigator.language`): Chinese for any
    /// `zh` tag, English otherwise.
    pub fn from_browser(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

/// A message of the word catalogue (`locales/*.toml`), by key: `msg::risk::WARFARIN_NAME`.
/// The words are looked up in a language's catalogue only when the text is rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Text(u16);

impl Text {
    /// The message in `lang`, placeholders unfilled.
    pub fn get(self, lang: Lang) -> &'static str {
        lang.catalogue().text(self)
    }

    /// The catalogue key, for tests and maintainers (never shown to a user).
    pub fn key(self) -> &'static str {
        KEYS[self.0 as usize]
    }

    /// Every message, in catalogue order.
    pub fn all() -> impl Iterator<Item = Text> {
        (0..KEYS.len() as u16).map(Text)
    }
}

/// The words of one language. Rules render through this value, so a language can later be
/// loaded at run time without touching them.
#[derive(Debug, Clone, Copy)]
pub struct Catalogue {
    /// Every message of the language, one after the other.
    text: &'static str,
    /// Where each message ends in `text`.
    ends: &'static [u32],
}

impl Catalogue {
    pub fn text(self, message: Text) -> &'static str {
        let index = message.0 as usize;
        let start = index.checked_sub(1).map_or(0, |i| self.ends[i] as usize);
        let end = self.ends[index] as usize;
        self.text.get(start..end).unwrap_or_default()
    }
}

impl Lang {
    /// The language's words. Natively every language is built in; the app's wasm carries
    /// English only and Chinese once [`load_catalogue`] has read its file: until then
    /// Chinese gives the English words (the app and the JavaScript API ask [`Lang::is_loaded`]
    /// first, so a Chinese page never shows them).
    pub fn catalogue(self) -> Catalogue {
        const EN: Catalogue = Catalogue {
            text: EN_TEXT,
            ends: &EN_ENDS,
        };
        match self {
            Lang::En => EN,
            Lang::Zh => ZH_BUILTIN
                .or_else(|| ZH_LOADED.get().copied())
                .unwrap_or(EN),
        }
    }

    /// The language's words are in this module (built in, or loaded).
    pub fn is_loaded(self) -> bool {
        self == Lang::En || ZH_BUILTIN.is_some() || ZH_LOADED.get().is_some()
    }
}

/// The Chinese words read at run time (the app's wasm only; see [`Lang::catalogue`]).
static ZH_LOADED: std::sync::OnceLock<Catalogue> = std::sync::OnceLock::new();

/// The contents of [`ZH_FILE`], as the build writes it beside the app's script
/// (src/bin/prerender.rs): the Chinese words of every message the app shows.
#[cfg(not(target_arch = "wasm32"))]
pub const ZH_APP_FILE: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue-zh.txt"));

/// Why a language's file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogueError {
    /// The text does not start with the catalogue's header line.
    NotACatalogue,
    /// A file of another build (a stale cache, a half-finished deployment).
    OtherBuild { found: String },
    /// The header's or the file's message count is not this build's.
    WrongCount { found: usize },
    /// The words are not the ones this build wrote (changed, or cut inside a message).
    Changed,
}

impl std::fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CatalogueError::NotACatalogue => write!(f, "not a word catalogue"),
            CatalogueError::OtherBuild { found } => {
                write!(
                    f,
                    "the words of build {found}, not of this build {ZH_BUILD}"
                )
            }
            CatalogueError::WrongCount { found } => {
                write!(f, "{found} messages instead of {}", KEYS.len())
            }
            CatalogueError::Changed => write!(f, "the words are not the ones this build wrote"),
        }
    }
}

/// Reads a language's file (`ZH_FILE`, written by the build beside the app's script) and
/// makes its words the language's. Loading a language already present does nothing.
pub fn load_catalogue(file: &str) -> Result<Lang, CatalogueError> {
    let (text, ends) = read_catalogue(file)?;
    if !Lang::Zh.is_loaded() {
        let _ = ZH_LOADED.set(Catalogue {
            text: Box::leak(text.into_boxed_str()),
            ends: Box::leak(ends.into_boxed_slice()),
        });
    }
    Ok(Lang::Zh)
}

/// The words of a language's file and where each message ends, checked against this build.
fn read_catalogue(file: &str) -> Result<(String, Vec<u32>), CatalogueError> {
    let (header, body) = file.split_once('\n').ok_or(CatalogueError::NotACatalogue)?;
    let mut fields = header.split(' ');
    if fields.next() != Some(CATALOGUE_FORMAT) || fields.next() != Some("zh") {
        return Err(CatalogueError::NotACatalogue);
    }
    let build = fields.next().unwrap_or_default();
    if build != ZH_BUILD {
        return Err(CatalogueError::OtherBuild {
            found: build.chars().take(16).collect(),
        });
    }
    let mut ends = Vec::with_capacity(KEYS.len());
    let mut text = String::with_capacity(body.len());
    for message in body.split(CATALOGUE_SEPARATOR) {
        text.push_str(message);
        ends.push(text.len() as u32);
    }
    if ends.len() != KEYS.len() || fields.next() != Some(&*ends.len().to_string()) {
        return Err(CatalogueError::WrongCount { found: ends.len() });
    }
    let hash = body.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, byte| {
        (h ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    if hash != ZH_BODY_HASH {
        return Err(CatalogueError::Changed);
    }
    Ok((text, ends))
}

/// A message with its `{name}` placeholders filled. The build checked that every
/// placeholder is a name and that both languages use the same ones; a name without a value
/// is left as it is, so a mistake shows instead of vanishing.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}').map(|c| c + open) else {
            break;
        };
        let name = &rest[open + 1..close];
        match values.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => {
                let _ = write!(out, "{value}");
            }
            None => out.push_str(&rest[open..=close]),
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// `tr!(lang, msg::share::NO_VERSION, version = VERSION)`: a catalogue message in `lang`
/// with its placeholders filled; `name` alone stands for `name = name`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $message:expr $(,)?) => {
        $message.get($lang).to_string()
    };
    ($lang:expr, $message:expr, $($name:ident $(= $value:expr)?),+ $(,)?) => {
        $crate::core::i18n::fill(
            $message.get($lang),
            &[$((stringify!($name), &$crate::tr!(@value $name $(, $value)?) as &dyn ::std::fmt::Display)),+],
        )
    };
    (@value $name:ident) => { $name };
    (@value $name:ident, $value:expr) => { $value };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_each_value_in_its_placeholder_in_either_order() {
        let months = 72;
        assert_eq!(
            fill("vintage {months} months", &[("months", &months)]),
            "vintage 72 months"
        );
        assert_eq!(fill("{b} 大于 {a}", &[("a", &1), ("b", &2)]), "2 大于 1");
        // A placeholder without a value stays visible rather than vanishing.
        assert_eq!(fill("{a} and {missing}", &[("a", &"x")]), "x and {missing}");
        assert_eq!(fill("no placeholder", &[]), "no placeholder");
    }

    #[test]
    fn tr_fills_a_catalogue_message_in_the_chosen_language() {
        let template = msg::share::DECODE_THE_LINK_IS_IN_VERSION.get(Lang::En);
        assert!(template.contains("{shown}"), "{template}");
        let shown = "9";
        let en = crate::tr!(
            Lang::En,
            msg::share::DECODE_THE_LINK_IS_IN_VERSION,
            shown,
            VERSION = 1
        );
        let zh = crate::tr!(
            Lang::Zh,
            msg::share::DECODE_THE_LINK_IS_IN_VERSION,
            shown,
            VERSION = 1
        );
        assert!(
            en.contains("\"9\"") && en.ends_with("version 1") && !en.contains('{'),
            "{en}"
        );
        assert!(
            zh.contains("\"9\"") && zh.contains("版本") && !zh.contains('{'),
            "{zh}"
        );
    }

    #[test]
    fn every_message_has_a_key_and_words_in_both_languages() {
        assert!(Text::all().count() > 500);
        for message in Text::all() {
            assert!(message.key().contains('.'), "{}", message.key());
            let empty_allowed =
                message.key().ends_with("empty") || message.key().ends_with("separator");
            for lang in [Lang::En, Lang::Zh] {
                assert!(
                    empty_allowed || !message.get(lang).trim().is_empty(),
                    "{} {lang:?}",
                    message.key()
                );
            }
        }
    }

    #[test]
    fn the_chinese_file_gives_every_message_the_app_shows_and_leaves_out_the_others() {
        let (text, ends) = read_catalogue(ZH_APP_FILE).unwrap();
        let loaded = Catalogue {
            text: Box::leak(text.into_boxed_str()),
            ends: Box::leak(ends.into_boxed_slice()),
        };
        // Only the static pages' and the importer's tables are left out of the app's words.
        assert!(APP_LEAVES_OUT.contains(&"about.") && APP_LEAVES_OUT.contains(&"fhir."));
        let app_shows = |key: &str| !APP_LEAVES_OUT.iter().any(|t| key.starts_with(t));
        for message in Text::all() {
            let expected = if app_shows(message.key()) {
                message.get(Lang::Zh)
            } else {
                ""
            };
            assert_eq!(loaded.text(message), expected, "{}", message.key());
        }
        assert!(ZH_FILE.starts_with("calciphylaxis-zh-") && ZH_FILE.ends_with(".txt"));
        assert!(ZH_FILE.contains(ZH_BUILD));
        assert_eq!(load_catalogue(ZH_APP_FILE), Ok(Lang::Zh));
        assert!(Lang::Zh.is_loaded() && Lang::En.is_loaded());
    }

    #[test]
    fn a_file_of_another_build_or_cut_short_is_refused_and_says_why() {
        let (header, body) = ZH_APP_FILE.split_once('\n').unwrap();
        let other = header.replace(ZH_BUILD, "0123456789abcdef");
        let refused = read_catalogue(&format!("{other}\n{body}")).unwrap_err();
        assert_eq!(
            refused,
            CatalogueError::OtherBuild {
                found: "0123456789abcdef".into()
            }
        );
        assert!(
            refused.to_string().contains("not of this build"),
            "{refused}"
        );
        // A download cut short loses messages: the count tells.
        let cut = &ZH_APP_FILE[..ZH_APP_FILE.rfind('\u{1e}').unwrap()];
        assert_eq!(
            read_catalogue(cut),
            Err(CatalogueError::WrongCount {
                found: KEYS.len() - 1
            })
        );
        // Cut inside the last message, or changed without a separator moving: the words'
        // hash tells.
        let last = ZH_APP_FILE.chars().last().unwrap().len_utf8();
        let inside = &ZH_APP_FILE[..ZH_APP_FILE.len() - last];
        assert_eq!(read_catalogue(inside), Err(CatalogueError::Changed));
        let changed = ZH_APP_FILE.replacen("钙", "铁", 1);
        assert_eq!(read_catalogue(&changed), Err(CatalogueError::Changed));
        assert_eq!(
            read_catalogue(&format!("{ZH_APP_FILE}\n")),
            Err(CatalogueError::Changed)
        );
        for rubbish in [
            "",
            "<!doctype html>\n<html>",
            "calciphylaxis-catalogue/1 en x 1\n",
        ] {
            assert_eq!(
                read_catalogue(rubbish),
                Err(CatalogueError::NotACatalogue),
                "{rubbish}"
            );
        }
    }

    #[test]
    fn browser_language_picks_chinese_for_any_zh_tag() {
        assert_eq!(Lang::from_browser("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_browser("zh-TW"), Lang::Zh);
        assert_eq!(Lang::from_browser("en-GB"), Lang::En);
        assert_eq!(Lang::from_browser("fr"), Lang::En);
    }
}
