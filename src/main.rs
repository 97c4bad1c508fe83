//! Mounts the calculator. A page that only wants the JavaScript API (an embedding, see
//! examples/embed) marks its body with `data-calciphylaxis-embed`, and nothing is mounted.
fn main() {
    let embedded = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.body())
        .is_some_and(|body| body.has_attribute("data-calciphylaxis-embed"));
    if !embedded {
        yew::Renderer::<calciphylaxis::ui::App>::new().render();
    }
}
