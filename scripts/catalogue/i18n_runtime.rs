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
    texts: &'static [&'static str],
}

impl Catalogue {
    pub fn text(self, message: Text) -> &'static str {
        self.texts[message.0 as usize]
    }
}

impl Lang {
    pub fn catalogue(self) -> Catalogue {
        Catalogue {
            texts: match self {
                Lang::En => &EN,
                Lang::Zh => &ZH,
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

