fn main() {
    yew::Renderer::<calciphylaxis::ui::App>::new().render();
}
