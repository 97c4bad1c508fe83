//! Export the case as a `calciphylaxis-case/1` file, and read one back. Both happen in the
//! browser: the file is made from a Blob URL and read with a FileReader, never uploaded.

use wasm_bindgen::JsCast;

/// Offers `json` as a download named `file_name`.
pub fn download(file_name: &str, json: &str) {
    let blob = gloo::file::Blob::new_with_options(json, Some("application/json"));
    let url = gloo::file::ObjectUrl::from(blob);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(anchor) = document.create_element("a") else {
        return;
    };
    let Ok(anchor) = anchor.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The URL is revoked when `url` is dropped, after the click has started the download.
}
