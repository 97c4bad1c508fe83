// Smoke test of the release build (dist/) in Debian's Chromium:
// the page loads, the app renders, nothing leaves the origin, no console
// error, no CSP violation; and one interaction changes the risk summary.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, startSuite } from "./harness.mjs";

const TIMEOUT = 60_000;
let suite;

before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

/** A section of the app, found by its test id or by its heading's accessible name. */
function section(page, testId, heading) {
  return page.getByTestId(testId).or(page.getByRole("heading", { name: heading })).first();
}

test("built index.html has a strict CSP with the loader's hash and no placeholder", () => {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const meta = html.match(/<meta[^>]*http-equiv="Content-Security-Policy"[^>]*>/i);
  assert.ok(meta, "no CSP meta tag in dist/index.html");
  assert.doesNotMatch(meta[0], /CSP_INLINE_SCRIPT_HASHES/, "placeholder left in the CSP");
  assert.doesNotMatch(meta[0], /unsafe-inline/, "'unsafe-inline' must never be used");
  const inline = [...html.replace(/<!--[\s\S]*?-->/g, "").matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>/gi)];
  const hashes = meta[0].match(/'sha256-[A-Za-z0-9+/=]+'/g) ?? [];
  assert.equal(hashes.length, inline.length, "one sha256 per inline script");
});

test("the app loads from the release build: h1, wasm, all requests on its origin, no console error or CSP violation", { timeout: TIMEOUT }, async (t) => {
  const s = await suite.newSession(t);
  try {
    await s.goto("/");
    await s.waitForApp("h1");
    const h1 = (await s.page.locator("h1").first().textContent())?.trim();
    assert.match(h1 ?? "", /calciphylaxis/i, "title h1");
    assert.equal(await s.page.title(), "Calciphylaxis calculator");
    assert.ok(s.requests.some((r) => r.endsWith(".wasm")), `the wasm was fetched: ${s.requests.join(", ")}`);
    s.assertClean();
  } finally {
    await s.screenshot("smoke-load").catch(() => {});
  }
});

test("the pre-rendered page's header is the app's own, and the app replaces it (one h1)", { timeout: TIMEOUT }, async (t) => {
  // dist/index.html holds the app's first render (src/bin/prerender.rs); once the app
  // runs, its own render stands in its place: nothing doubled, the same words.
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const root = html.match(/<div id="app-root"[^>]*>([\s\S]*)<\/div>\s*<\/body>/)?.[1];
  assert.ok(root, "no pre-rendered #app-root in dist/index.html");
  const text = (cls) => root.match(new RegExp(`<p class="${cls}"[^>]*>([^<]*)<`))?.[1];
  const s = await suite.newSession(t);
  await s.goto("/");
  await s.waitForApp("[data-testid=risk-summary]");
  assert.equal(await s.page.locator("h1").count(), 1, "one h1");
  assert.equal(await s.page.locator("#app-root > .app").count(), 1, "one app in the root");
  assert.equal((await s.page.locator("h1").textContent()).trim(), root.match(/<h1>([^<]*)<\/h1>/)?.[1]);
  assert.equal((await s.page.locator(".app-header .tagline").textContent()).trim(), text("tagline"));
  const notice = root.match(/<p [^>]*role="note"[^>]*>([^<]*)</)?.[1];
  assert.equal((await s.page.locator(".app-header .notice").textContent()).trim(), notice);
  s.assertClean();
});

test("the app shows risk profile, workup checklist, MSC eligibility and an empty state", { timeout: TIMEOUT }, async (t) => {
  const s = await suite.newSession(t);
  try {
    await s.goto("/");
    await s.waitForApp("h1");
    // Found by test id, or by the accessible name of the section's heading.
    await section(s.page, "risk-profile", /risk profile/i).waitFor({ timeout: 10_000 });
    await section(s.page, "workup-checklist", /work-?up/i).waitFor({ timeout: 10_000 });
    await section(s.page, "msc-eligibility", /MSC (therapy )?eligibility|mesenchymal/i).waitFor({ timeout: 10_000 });
    // Before any input, the page says so.
    await s.page.getByTestId("empty-state").first().waitFor({ timeout: 10_000 });
    s.assertClean();
  } finally {
    await s.screenshot("smoke-sections").catch(() => {});
  }
});

test("typing a dialysis vintage of 72 months changes the risk summary", { timeout: TIMEOUT }, async (t) => {
  const s = await suite.newSession(t);
  try {
    await s.goto("/");
    await s.waitForApp("h1");
    const summary = s.page.getByTestId("risk-summary");
    await summary.waitFor({ timeout: 10_000 });
    const before = (await summary.innerText()).trim();

    const input = s.page.getByLabel("Dialysis vintage (months)", { exact: true });
    await input.click();
    await input.pressSequentially("72");
    await input.press("Tab");

    await s.page.waitForFunction(
      ([sel, prev]) => {
        const el = document.querySelector(sel);
        return el && el.innerText.trim() !== prev;
      },
      ['[data-testid="risk-summary"]', before],
      { timeout: 10_000 },
    );
    const afterText = (await summary.innerText()).trim();
    assert.notEqual(afterText, before, "risk summary text did not change");
    s.assertClean();
  } finally {
    await s.screenshot("smoke-vintage-72").catch(() => {});
  }
});

test("a low antithrombin whose causes are not recorded: beside its field, what to record, and focus stays in the field", { timeout: TIMEOUT }, async (t) => {
  const s = await suite.newSession(t);
  try {
    await s.goto("/");
    await s.waitForApp("h1");
    const field = s.page.locator("#lab-antithrombin_activity");
    await field.click();
    await field.pressSequentially("50");
    const prompt = s.page.getByTestId("to-record-antithrombin_activity");
    await prompt.waitFor();
    assert.match((await prompt.textContent()) ?? "", /To interpret this result, record: .*heparin/i);
    assert.equal(await s.page.evaluate(() => document.activeElement?.id), "lab-antithrombin_activity");
    await field.fill("");
    await prompt.waitFor({ state: "detached" });
    s.assertClean();
  } finally {
    await s.screenshot("to-record-prompt").catch(() => {});
  }
});
