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
    pub fn catalogue(self) -> Catalogue {
        match self {
            Lang::En => Catalogue {
                text: EN_TEXT,
                ends: &EN_ENDS,
            },
            Lang::Zh => Catalogue {
                text: ZH_TEXT,
                ends: &ZH_ENDS,
            },
        }
    }
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
    fn browser_language_picks_chinese_for_any_zh_tag() {
        assert_eq!(Lang::from_browser("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_browser("zh-TW"), Lang::Zh);
        assert_eq!(Lang::from_browser("en-GB"), Lang::En);
        assert_eq!(Lang::from_browser("fr"), Lang::En);
    }
}
