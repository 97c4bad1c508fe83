// Plain HTML+JS baseline for scripts/bench.mjs: create one button with JS.
const button = document.createElement("button");
button.type = "button";
button.textContent = "Hello";
button.addEventListener("click", () => (button.textContent = "Clicked"));
document.body.append(button);
