//! Build step (Trunk's post_build hook, see Trunk.toml): writes the app's first render into
//! the built pages, once per language, so the form is on screen before any script runs.
//!
//!     prerender [DIR]     DIR defaults to $TRUNK_STAGING_DIR
//!
//! DIR/index.html (from the source index.html, Trunk's links already in it) becomes the
//! English page and DIR/zh/index.html the Chinese one: `App` rendered with the page's
//! properties (`ServerRenderer`, the same first render the browser mounts), the page's
//! language, title and `<noscript>` text from the catalogue, and `hreflang` links to both.
//! `src/main.rs` reads the properties back from the root element's data attributes.
//! Fails (exit 1) when a placeholder is missing: a page without its form must not ship.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use calciphylaxis::core::i18n::{ZH_APP_FILE, ZH_FILE};
use calciphylaxis::core::Lang;
use calciphylaxis::form::UnitSystem;
use calciphylaxis::ui::text as t;
use calciphylaxis::ui::{App, AppProps};

/// Where the first render goes: the content of `<div id="app-root">` in index.html.
const APP_PLACEHOLDER: &str = "<!--prerender:app-->";
const NOSCRIPT_PLACEHOLDER: &str = "<!--prerender:noscript-->";
const ALTERNATES_PLACEHOLDER: &str = "<!--prerender:alternates-->";
const ROOT_ATTRS: &str = r#"id="app-root" data-lang="en" data-units="conventional""#;

/// A page of the build: its language, its directory under DIR and the way back to DIR.
struct Page {
    lang: Lang,
    dir: &'static str,
    up: &'static str,
}

const PAGES: [Page; 2] = [
    Page {
        lang: Lang::En,
        dir: "",
        up: "",
    },
    Page {
        lang: Lang::Zh,
        dir: "zh/",
        up: "../",
    },
];

/// The units a page starts in: SI for Chinese, as the app chooses after start
/// (`ui::storage::startup`), so a lab value typed before start means what the page showed.
fn units_of(lang: Lang) -> UnitSystem {
    match lang {
        Lang::Zh => UnitSystem::Si,
        Lang::En => UnitSystem::Conventional,
    }
}

fn units_id(units: UnitSystem) -> &'static str {
    match units {
        UnitSystem::Si => "si",
        UnitSystem::Conventional => "conventional",
    }
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .map(PathBuf::from);
    let Some(dir) = dir else {
        fail("no directory given and TRUNK_STAGING_DIR is not set");
    };
    let source = std::fs::read_to_string(dir.join("index.html"))
        .unwrap_or_else(|e| fail(&format!("{}/index.html: {e}", dir.display())));
    for page in &PAGES {
        let html = render_page(&source, page).unwrap_or_else(|e| fail(&e));
        write_page(&dir, page, &html);
    }
    // The Chinese words, which the app's wasm does not carry: fetched when chosen.
    let words = dir.join(ZH_FILE);
    std::fs::write(&words, ZH_APP_FILE)
        .unwrap_or_else(|e| fail(&format!("{}: {e}", words.display())));
}

fn write_page(dir: &Path, page: &Page, html: &str) {
    let path = dir.join(page.dir).join("index.html");
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| fail(&format!("{e}")));
    }
    std::fs::write(&path, html).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    println!(
        "prerender: {} ({}, {} bytes)",
        path.display(),
        page.lang.id(),
        html.len()
    );
}

fn fail(message: &str) -> ! {
    eprintln!("prerender: ERROR: {message}");
    std::process::exit(1)
}

/// The built page in `page`'s language, from the staged index.html.
fn render_page(source: &str, page: &Page) -> Result<String, String> {
    let lang = page.lang;
    let units = units_of(lang);
    let app =
        block_on(yew::LocalServerRenderer::<App>::with_props(AppProps { lang, units }).render());
    let noscript = format!(r#"<p class="notice">{}</p>"#, escape(t::NOSCRIPT.get(lang)));
    let root = format!(
        r#"id="app-root" data-lang="{}" data-units="{}""#,
        lang.id(),
        units_id(units)
    );
    let title = format!("<title>{}</title>", escape(t::TITLE.get(lang)));
    let html = relocate(source, page.up);
    let html = replace_once(
        &html,
        r#"<html lang="en">"#,
        &format!(r#"<html lang="{}">"#, lang.html_tag()),
    )?;
    let html = replace_once(&html, "<title>Calciphylaxis calculator</title>", &title)?;
    let html = replace_once(&html, ROOT_ATTRS, &root)?;
    let html = replace_once(&html, NOSCRIPT_PLACEHOLDER, &noscript)?;
    let html = replace_once(&html, ALTERNATES_PLACEHOLDER, &alternates(page))?;
    let html = match lang {
        Lang::En => html,
        // Chinese is not in the app's wasm: its words come with the wasm, not after it
        // (src/main.rs waits for them).
        Lang::Zh => replace_once(
            &html,
            "</head>",
            &format!("{}</head>", words_preload(&html)?),
        )?,
    };
    replace_once(&html, APP_PLACEHOLDER, &app)
}

/// A preload of the language's words, from the directory Trunk put the app's files in
/// (its public URL: `/`, or the sub-path).
fn words_preload(html: &str) -> Result<String, String> {
    let wasm = html
        .find("_bg.wasm\"")
        .ok_or("index.html has no preload of the app's wasm")?;
    let href = html[..wasm]
        .rfind("href=\"")
        .ok_or("the wasm preload has no href")?
        + 6;
    // The directory: the href up to its last '/', or none when the href has no '/'.
    let dir = html[href..wasm]
        .rfind('/')
        .map_or("", |slash| &html[href..=href + slash]);
    Ok(format!(
        r#"<link rel="preload" href="{dir}{ZH_FILE}" as="fetch" crossorigin="anonymous">"#
    ))
}

/// `hreflang` links to each language's page, relative (the app may live under a sub-path).
fn alternates(page: &Page) -> String {
    let link = |tag: &str, other: &Page| {
        let href = match format!("{}{}", page.up, other.dir) {
            _ if other.dir == page.dir => "./".to_string(),
            href => href,
        };
        format!(r#"<link rel="alternate" hreflang="{tag}" href="{href}" />"#)
    };
    let mut links: Vec<String> = PAGES.iter().map(|p| link(p.lang.html_tag(), p)).collect();
    links.push(link("x-default", &PAGES[0]));
    links.join("\n    ")
}

/// The page moved `up` levels below DIR: its relative `href`/`src` URLs point back up.
/// Absolute ones (Trunk's assets, from its public URL) and `data:`/fragment ones stay.
fn relocate(html: &str, up: &str) -> String {
    if up.is_empty() {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = next_url_attr(rest) {
        let (head, tail) = rest.split_at(at);
        out.push_str(head);
        let url = &tail[..tail.find('"').unwrap_or(tail.len())];
        let absolute =
            ["/", "#", "data:"].iter().any(|p| url.starts_with(p)) || url.contains("://");
        if !absolute {
            out.push_str(up);
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// The offset just after the next ` href="` or ` src="`.
fn next_url_attr(html: &str) -> Option<usize> {
    [" href=\"", " src=\""]
        .iter()
        .filter_map(|attr| html.find(attr).map(|at| at + attr.len()))
        .min()
}

fn replace_once(html: &str, from: &str, to: &str) -> Result<String, String> {
    match html.matches(from).count() {
        1 => Ok(html.replacen(from, to, 1)),
        n => Err(format!(
            "index.html must hold {from:?} once (found {n} times)"
        )),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Runs a future that needs no reactor (the server renderer without suspense) to the end.
fn block_on<F: Future>(future: F) -> F::Output {
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut context = Context::from_waker(&waker);
    let mut future = pin!(future);
    loop {
        match future.as_mut().poll(&mut context) {
            Poll::Ready(output) => return output,
            Poll::Pending => std::thread::park(),
        }
    }
}
