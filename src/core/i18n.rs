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

    /// Picks the text for this language.
    pub fn pick<T>(self, en: T, zh: T) -> T {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

/// A fixed text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub en: &'static str,
    pub zh: &'static str,
}

impl Text {
    pub const fn new(en: &'static str, zh: &'static str) -> Self {
        Text { en, zh }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.en, self.zh)
    }
}

/// `tr!(lang, "en text {name}", "中文 {name}")`: `format!` in the chosen language; both
/// strings capture the same variables.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $en:literal, $zh:literal $(,)?) => {
        match $lang {
            $crate::core::i18n::Lang::En => format!($en),
            $crate::core::i18n::Lang::Zh => format!($zh),
        }
    };
    ($lang:expr, $en:literal, $zh:literal, $($arg:tt)+) => {
        match $lang {
            $crate::core::i18n::Lang::En => format!($en, $($arg)+),
            $crate::core::i18n::Lang::Zh => format!($zh, $($arg)+),
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tr_captures_variables_in_both_languages() {
        let months = 72;
        assert_eq!(
            tr!(Lang::En, "vintage {months} months", "透析龄 {months} 个月"),
            "vintage 72 months"
        );
        assert_eq!(
            tr!(Lang::Zh, "vintage {months} months", "透析龄 {months} 个月"),
            "透析龄 72 个月"
        );
        assert_eq!(tr!(Lang::Zh, "{} > {}", "{} 大于 {}", 2, 1), "2 大于 1");
    }

    #[test]
    fn browser_language_picks_chinese_for_any_zh_tag() {
        assert_eq!(Lang::from_browser("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_browser("zh-TW"), Lang::Zh);
        assert_eq!(Lang::from_browser("en-GB"), Lang::En);
        assert_eq!(Lang::from_browser("fr"), Lang::En);
    }
}
