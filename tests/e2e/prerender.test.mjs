// The pre-rendered pages (src/bin/prerender.rs, in Trunk's post_build hook): the form is
// on screen before any script runs, in the language the app will show, and nothing typed
// before the app starts is lost (src/ui/prefill.rs).
//
// - dist/index.html and dist/zh/index.html, fetched over HTTP without running anything,
//   hold the labelled form, the notice and the <noscript> text in their language;
// - a Chinese browser opening / is sent to zh/ before paint (the inline script of
//   index.html's <head>), and its first paint is Chinese while the wasm is held back;
// - with the wasm delayed by 2 s, a lab value typed and a tri-state ticked before the
//   start are still there afterwards and change the results as if typed into the app;
// - the language switch keeps the case and changes the address, not the document.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, startSuite } from "./harness.mjs";

const TIMEOUT = 90_000;
let suite;

before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

/** `key` of the [ui] table of locales/<lang>.toml (the words the app shows). */
function uiText(lang, key) {
  const toml = readFileSync(join(ROOT, "locales", `${lang}.toml`), "utf8");
  const table = toml.slice(toml.indexOf("\n[ui]\n"));
  const line = table.split("\n").find((l) => l.startsWith(`${key} = `));
  return JSON.parse(line.slice(key.length + 3));
}

/** The controls of a page that a label names (`<label for>` or an enclosing label). */
function labelledControls(html) {
  const named = new Set([...html.matchAll(/<label\b[^>]*\bfor="([^"]+)"/g)].map((m) => m[1]));
  const controls = [...html.matchAll(/<(input|select|textarea)\b[^>]*\bid="([^"]+)"[^>]*>/g)];
  return controls.filter((m) => named.has(m[2]) && !/type="(file|hidden)"/.test(m[0])).map((m) => m[2]);
}

const PAGES = [
  { path: "", lang: "en", tag: "en", h1: "Calciphylaxis calculator" },
  { path: "zh/", lang: "zh", tag: "zh-Hans", h1: "钙化防御计算器" },
];

for (const p of PAGES) {
  test(`/${p.path} without scripts: the labelled form, the notice and the noscript text in ${p.lang}`, async () => {
    const resp = await fetch(suite.base + p.path);
    assert.equal(resp.status, 200);
    const html = await resp.text();
    assert.match(html, new RegExp(`<html lang="${p.tag}">`));
    assert.match(html, new RegExp(`<h1>${p.h1}</h1>`));
    assert.ok(html.includes(`<title>${uiText(p.lang, "title")}</title>`), "title");
    const controls = labelledControls(html);
    assert.ok(controls.length >= 30, `labelled controls: ${controls.length}`);
    assert.ok(controls.includes("lab-albumin") && controls.includes("finding-warfarin-yes"), controls.join(" "));
    assert.match(html, /<p (role="note" class="notice"|class="notice" role="note")>([^<]*)<\/p>/);
    assert.equal(html.match(/<p [^>]*role="note"[^>]*>([^<]*)<\/p>/)[1], uiText(p.lang, "notice"), "the notice");
    assert.ok(html.includes(`<noscript><p class="notice">${uiText(p.lang, "noscript")}</p></noscript>`), "noscript");
    assert.match(html, /data-testid="risk-summary"/, "the empty results");
    for (const tag of ["en", "zh-Hans", "x-default"]) assert.match(html, new RegExp(`<link rel="alternate" hreflang="${tag}" href="[^"]+"`));
    // No inline style, and every inline script allowed by its hash (index.html's language
    // choice and Trunk's loader), never by 'unsafe-inline'.
    assert.doesNotMatch(html, /\sstyle="/);
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
    assert.doesNotMatch(csp, /unsafe-inline|CSP_INLINE/);
    assert.equal((csp.match(/'sha256-/g) ?? []).length, 2, csp);
    assert.doesNotMatch(html, /<!--prerender:/);
  });
}

/** Holds every wasm request until the returned function is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test("a Chinese browser opening / ends on zh/, and its first paint is Chinese, before the wasm runs", { timeout: TIMEOUT }, async (t) => {
  const s = await suite.newSession(t, { locale: "zh-CN" });
  const { page } = s;
  // What each document shows when it is parsed and when it first paints (kept across the
  // redirect in sessionStorage).
  await page.addInitScript(() => {
    const note = (what) => {
      const log = JSON.parse(sessionStorage.getItem("e2e-paints") || "[]");
      log.push({
        what,
        path: location.pathname,
        lang: document.documentElement.lang,
        hidden: document.documentElement.hidden,
        h1: document.querySelector("h1")?.textContent ?? null,
        started: window.__e2eTrunkStarted === true,
      });
      sessionStorage.setItem("e2e-paints", JSON.stringify(log));
    };
    document.addEventListener("DOMContentLoaded", () => note("dcl"));
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === "first-contentful-paint") note("fcp");
    }).observe({ type: "paint", buffered: true });
  });
  const release = await holdWasm(page);
  await page.goto(suite.base, { waitUntil: "commit" });
  await page.waitForURL(/\/zh\/$/, { timeout: 10_000 });
  await page.waitForFunction(() => JSON.parse(sessionStorage.getItem("e2e-paints") || "[]").some((e) => e.what === "fcp"), null, { timeout: 10_000 });
  const log = await page.evaluate(() => JSON.parse(sessionStorage.getItem("e2e-paints")));
  const zhDcl = log.find((e) => e.what === "dcl" && e.path === "/zh/");
  assert.deepEqual({ ...zhDcl, what: undefined }, { what: undefined, path: "/zh/", lang: "zh-Hans", hidden: false, h1: "钙化防御计算器", started: false }, JSON.stringify(log));
  // Nothing English was painted: every first paint is the Chinese page's.
  const paints = log.filter((e) => e.what === "fcp");
  assert.ok(paints.length >= 1 && paints.every((e) => e.path === "/zh/" && e.h1 === "钙化防御计算器" && !e.started), JSON.stringify(log));
  // The English document, if it was parsed at all, was hidden before anything showed.
  for (const e of log.filter((e) => e.path === "/")) assert.equal(e.hidden, true, JSON.stringify(log));
  release();
  await s.waitForApp("[data-testid=risk-summary]");
  assert.equal((await page.locator("h1").textContent()).trim(), "钙化防御计算器");
  assert.equal(await page.locator("#units").inputValue(), "si");
  s.assertClean();
});

/** Opens / with the wasm held back `delay` ms; `before` runs on the pre-rendered page. */
async function openTypingEarly(t, beforeStart, delay = 2000) {
  const s = await suite.newSession(t);
  await s.page.route("**/*.wasm", async (route) => {
    await new Promise((r) => setTimeout(r, delay));
    await route.continue();
  });
  await s.page.goto(suite.base, { waitUntil: "domcontentloaded" });
  await beforeStart(s.page);
  assert.equal(await s.page.evaluate(() => window.__e2eTrunkStarted === true), false, "typed before the app started");
  await s.waitForApp("[data-testid=risk-summary]");
  // The typed values are given back right after the start-up values.
  await s.page.waitForTimeout(300);
  return s;
}

const summary = (page) => page.getByTestId("risk-summary").innerText();

test("typed and ticked before the wasm starts: still there afterwards, and the results follow", { timeout: TIMEOUT }, async (t) => {
  const early = await openTypingEarly(t, async (page) => {
    await page.locator("#lab-albumin").fill("2.5");
    await page.locator("#finding-warfarin-yes").check();
  });
  const { page } = early;
  assert.equal(await page.locator("#lab-albumin").inputValue(), "2.5");
  assert.ok(await page.locator("#finding-warfarin-yes").isChecked());
  assert.ok(!(await page.locator("#finding-warfarin-unknown").isChecked()));
  // Focus is back where it was (the tri-state clicked last).
  assert.equal(await page.evaluate(() => document.activeElement?.id), "finding-warfarin-yes");
  const typedEarly = await summary(page);

  // The same edits typed into the running app give the same results; none is the empty case's.
  const late = await suite.newSession(t);
  await late.goto("/");
  await late.waitForApp("[data-testid=risk-summary]");
  const empty = await summary(late.page);
  await late.page.locator("#lab-albumin").fill("2.5");
  await late.page.locator("#finding-warfarin-yes").check();
  await late.page.waitForFunction((prev) => document.querySelector("[data-testid=risk-summary]").innerText !== prev, empty);
  assert.notEqual(typedEarly, empty);
  assert.equal(typedEarly, await summary(late.page));
  early.assertClean();
  late.assertClean();
});

test("the language switch keeps the case: the address changes, the document does not", { timeout: TIMEOUT }, async (t) => {
  const s = await suite.newSession(t);
  const { page } = s;
  await s.goto("/");
  await s.waitForApp("[data-testid=risk-summary]");
  await page.locator("#f-age").fill("61");
  await page.evaluate(() => (window.__sameDocument = true));
  await page.locator("#lang").selectOption("zh");
  await page.locator("h1").filter({ hasText: "钙化防御计算器" }).waitFor({ timeout: 5000 });
  assert.equal(new URL(page.url()).pathname, "/zh/");
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  assert.equal(await page.locator("#f-age").inputValue(), "61");
  await page.locator("#lang").selectOption("en");
  await page.locator("h1").filter({ hasText: "Calciphylaxis calculator" }).waitFor({ timeout: 5000 });
  assert.equal(new URL(page.url()).pathname, "/");
  assert.equal(await page.locator("#f-age").inputValue(), "61");
  s.assertClean();
});
