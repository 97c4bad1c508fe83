use yew::prelude::*;

#[component]
pub fn App() -> Html {
    html! { <main><h1>{ "Calciphylaxis calculator" }</h1></main> }
}
