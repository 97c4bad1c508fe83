// At the bedside on a phone (issue 16): the results at a glance stay at the top of the
// screen while a value is typed far down the form, are announced once the typing stops,
// lead to the full results and back to the same field; the section index counts what is
// filled and jumps to a section in two taps; touch targets are at least 44 px.
//
// A real phone keyboard cannot be simulated here (headless Chromium does not shrink the
// viewport when a field takes the focus): the shortened viewport (390 × 500) stands in for
// the screen left above an open keyboard.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT, startSuite, byLabel } from "./harness.mjs";

const TIMEOUT = 90_000;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
let suite;

before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

async function open(t, options = PHONE) {
  const s = await suite.newSession(t, options);
  await s.goto("/");
  await s.waitForApp("[data-testid=risk-summary]");
  return s;
}

/** The element's box and the glance's, in viewport coordinates. */
const boxes = (page, selector) =>
  page.evaluate((sel) => {
    const box = (e) => {
      const r = e.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    };
    return { el: box(document.querySelector(sel)), glance: box(document.getElementById("glance")), height: innerHeight };
  }, selector);

/** The glance is inside the viewport and the element is in view below it, not under it. */
async function assertInViewBelowGlance(page, selector, what) {
  const { el, glance, height } = await boxes(page, selector);
  assert.ok(glance.top >= 0 && glance.bottom <= height, `${what}: the glance is in the viewport (${JSON.stringify(glance)})`);
  assert.ok(el.top >= glance.bottom - 1 && el.bottom <= height + 1, `${what}: ${selector} is in view below the glance (${JSON.stringify({ el, glance, height })})`);
}

/** Records every text the live region and the visible summary take from now on. */
const watchLiveRegion = (page) =>
  page.evaluate(() => {
    const watch = (selector, list) => {
      const e = document.querySelector(selector);
      new MutationObserver(() => list.at(-1) !== e.textContent && list.push(e.textContent)).observe(e, { childList: true, characterData: true, subtree: true });
    };
    window.__announced = [];
    window.__shown = [];
    watch("[data-testid=summary-live]", window.__announced);
    watch("[data-testid=summary]", window.__shown);
  });

for (const viewport of [PHONE.viewport, { width: 390, height: 500 }]) {
  test(`${viewport.width}×${viewport.height}: a lab typed far down the form shows its result at the top, announced once; to the results and back`, { timeout: TIMEOUT }, async (t) => {
    const s = await open(t, { ...PHONE, viewport });
    const page = s.page;
    const proteinC = byLabel(page, "Protein C activity");
    assert.equal(await proteinC.getAttribute("inputmode"), "decimal");
    const before = await page.getByTestId("summary").innerText();
    assert.match(before, /0 major \(\d+ unknown\)/);
    assert.match(before, /18 to order/);
    await proteinC.tap();
    await assertInViewBelowGlance(page, "#lab-protein_c_activity", "focused");
    await watchLiveRegion(page);
    // "9" is a low protein C (abnormal), "95" a normal one: two results in a row.
    await page.keyboard.type("95", { delay: 150 });
    await page.getByTestId("summary").filter({ hasText: "17 to order · 0 abnormal" }).waitFor({ timeout: 5000 });
    await assertInViewBelowGlance(page, "#lab-protein_c_activity", "after typing");
    await page.waitForFunction(() => window.__announced.length > 0, null, { timeout: 5000 });
    await page.waitForTimeout(1500);
    // The visible summary followed each keystroke; the live region waited for the pause.
    const [announced, shown] = await page.evaluate(() => [window.__announced, window.__shown]);
    assert.equal(shown.length, 2, `shown at each keystroke: ${JSON.stringify(shown)}`);
    assert.match(shown[0], /1 abnormal/);
    assert.equal(announced.length, 1, `announced once: ${JSON.stringify(announced)}`);
    assert.match(announced[0], /17 to order · 0 abnormal/);

    // Tap the summary: the full results; "Back to the form": the same field, focused, in view.
    await page.locator(".glance-tap").tap();
    await page.waitForFunction(() => document.getElementById("risk").getBoundingClientRect().top < innerHeight);
    await assertInViewBelowGlance(page, "#risk-h", "results");
    await page.getByTestId("back-to-form").tap();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "lab-protein_c_activity");
    await assertInViewBelowGlance(page, "#lab-protein_c_activity", "back");

    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(scroll <= client, `no horizontal scroll: scrollWidth ${scroll} > ${client}`);
    // The glance's height is set through the CSSOM: no CSP violation (assertClean).
    assert.match(await page.evaluate(() => document.documentElement.style.getPropertyValue("--glance-h")), /^\d+px$/);
    s.assertClean();
  });
}

test("the section index counts what is filled and reaches any section in two taps", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const page = s.page;
  const entry = (section) => page.locator(`[data-section=section-${section}]`);
  assert.match(await entry("patient").innerText(), /Patient\s*0\/4/);
  assert.match(await entry("follow-up").innerText(), /0/);
  await byLabel(page, "Age (years)").fill("67");
  await byLabel(page, "Sex").selectOption("female");
  await entry("patient").filter({ hasText: "2/4" }).waitFor({ timeout: 5000 });
  await page.getByRole("group", { name: "Warfarin or another vitamin K antagonist (long-term)", exact: true }).getByLabel("No", { exact: true }).check();
  await entry("medications").filter({ hasText: /^Medications and exposures\s*1\/\d+/ }).waitFor({ timeout: 5000 });
  // The screen reader hears the count in words.
  assert.match(await entry("patient").textContent(), /2 of 4 filled/);

  // From far down the page: "Sections" in the glance, then the section.
  await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
  await page.getByRole("link", { name: "Sections", exact: true }).tap();
  await assertInViewBelowGlance(page, "#section-index", "the index");
  await entry("coagulation-labs").tap();
  await assertInViewBelowGlance(page, "#section-coagulation-labs > summary", "the section");
  s.assertClean();
});

test("touch targets are at least 44 × 44 px on a phone; the glance's controls do not print", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const page = s.page;
  const small = await page.evaluate(() => {
    const targets = [...document.querySelectorAll("button, select, input[type=text], a.button, .tri-option, .check, .section-index a")];
    return targets
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => [e.id || e.className || e.tagName, e.getBoundingClientRect()])
      .filter(([, r]) => r.height < 44 || r.width < 44)
      .map(([name, r]) => `${name} ${Math.round(r.width)}×${Math.round(r.height)}`);
  });
  assert.deepEqual(small, []);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".glance-actions").isVisible(), false);
  assert.equal(await page.locator(".section-index").isVisible(), false);
  assert.equal(await page.locator("#glance").evaluate((e) => getComputedStyle(e).position), "static");
  assert.ok(await page.getByTestId("summary").isVisible(), "the report keeps the summary in its place");
  s.assertClean();
});

test("axe-core finds no violations on a phone, in both languages", { timeout: TIMEOUT }, async (t) => {
  // axe is injected as a script, which the app's own CSP rightly forbids: bypass it here only.
  const s = await open(t, { ...PHONE, bypassCSP: true });
  const page = s.page;
  await page.addScriptTag({ path: join(ROOT, "node_modules", "axe-core", "axe.min.js") });
  const scan = async (when) => {
    const result = await page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
      return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
    });
    assert.deepEqual(result, [], `${when}:\n${result.join("\n")}`);
  };
  await byLabel(page, "Load an example case").selectOption({ index: 3 });
  await byLabel(page, "Albumin").fill("3.1");
  await scan("phone, English");
  await page.locator(".glance-tap").tap();
  await scan("phone, results with the back control");
  await byLabel(page, "Language / 语言").selectOption("zh");
  await page.locator("h1").filter({ hasText: "钙化防御计算器" }).waitFor({ timeout: 5000 });
  await scan("phone, Chinese");
});
