// Registers the service worker (sw.js, next to this file) so the app loads with the
// network off, and tells the user when a new version has been installed.
// A classic script (not a module) so that document.currentScript gives its own URL: the
// service worker is found relative to it, which works under any sub-path (GitHub Pages).
// No inline script, no inline style (the page's CSP forbids both): the notice is built with
// DOM APIs and styled by styles/sw.css.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  var script = document.currentScript;
  var swUrl = new URL("sw.js", script ? script.src : location.href);
  var updateRequested = false;

  function showNotice(registration) {
    if (document.getElementById("sw-update")) return;
    var zh = (document.documentElement.lang || "").toLowerCase().indexOf("zh") === 0;
    var box = document.createElement("div");
    box.id = "sw-update";
    box.className = "sw-update";
    box.setAttribute("role", "status");
    box.setAttribute("data-testid", "sw-update");
    var text = document.createElement("span");
    text.textContent = zh ? "新版本已就绪。" : "A new version of the calculator is ready.";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sw-update-button";
    button.textContent = zh ? "重新加载" : "Reload";
    button.addEventListener("click", function () {
      updateRequested = true;
      var waiting = registration.waiting;
      if (waiting) {
        waiting.postMessage({ type: "SKIP_WAITING" });
      } else {
        location.reload();
      }
    });
    box.appendChild(text);
    box.appendChild(button);
    document.body.appendChild(box);
  }

  function watch(registration) {
    // Resolves to undefined when the browser blocks service workers (e.g. automation).
    if (!registration) return;
    function track(worker) {
      if (!worker) return;
      worker.addEventListener("statechange", function () {
        // Installed while a controller exists: a new deployment is ready (the first
        // install has no controller and needs no notice).
        if (worker.state === "installed" && navigator.serviceWorker.controller) showNotice(registration);
      });
    }
    // A worker already installed and waiting (found on an earlier visit), or installing
    // (the browser checks for an update on every navigation).
    if (registration.waiting && navigator.serviceWorker.controller) showNotice(registration);
    track(registration.installing);
    registration.addEventListener("updatefound", function () {
      track(registration.installing);
    });
  }

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    // Only reload when the user asked for the new version (not on the first install's claim).
    if (!updateRequested) return;
    updateRequested = false;
    location.reload();
  });

  function register() {
    navigator.serviceWorker.register(swUrl.href).then(watch, function () {
      // No service worker (blocked, private mode): the app still works online.
    });
  }
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
})();
