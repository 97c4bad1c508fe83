// Start-up: the first render depends only on the app's properties (English, conventional
// units); the browser's language, a remembered case and a #case= link are applied right
// after it. Each must still reach the screen, in the same precedence as before: a link
// over a remembered case (which Undo gives back), the remembered language over the
// browser's.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startSuite, byLabel } from "./harness.mjs";

const TIMEOUT = 90_000;
let suite;

before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

const PREFS = "calciphylaxis.prefs.v1";
const CASE = "calciphylaxis.case.v1";
const remembered = (age) => JSON.stringify({ format: "calciphylaxis-case/1", patient: { age_years: age } });

async function open(t, options = {}) {
  const s = await suite.newSession(t, options);
  await s.goto();
  await s.waitForApp("[data-testid=risk-summary]");
  return s;
}

test("a Chinese browser gets the app in Chinese, with SI units, after start", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t, { locale: "zh-CN" });
  const { page } = s;
  await page.locator("h1").filter({ hasText: "钙化防御计算器" }).waitFor({ timeout: 5000 });
  assert.equal(await page.locator("html").getAttribute("lang"), "zh-Hans");
  assert.equal(await page.title(), "钙化防御计算器");
  assert.equal(await byLabel(page, "语言 / Language").inputValue(), "zh");
  assert.equal(await page.locator("#units").inputValue(), "si");
  // Nothing was remembered, so nothing is written either.
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  s.assertClean();
});

test("a remembered case and language load at start; nothing is offered back", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t, { locale: "zh-CN" });
  const { page } = s;
  await page.evaluate(
    ([prefsKey, caseKey, saved]) => {
      localStorage.setItem(prefsKey, JSON.stringify({ lang: "en", units: "conventional" }));
      localStorage.setItem(caseKey, saved);
    },
    [PREFS, CASE, remembered(52)],
  );
  await page.reload();
  await s.waitForApp("[data-testid=risk-summary]");
  // The remembered language wins over the browser's.
  await page.locator("h1").filter({ hasText: "Calciphylaxis calculator" }).waitFor({ timeout: 5000 });
  assert.equal(await byLabel(page, "Age (years)").inputValue(), "52");
  assert.ok(await byLabel(page, "Remember on this device").isChecked());
  assert.equal(await page.locator("#units").inputValue(), "conventional");
  assert.equal(await page.getByTestId("undo").count(), 0);
  assert.equal(await page.getByTestId("banner").count(), 0);
  // Still saved: the start did not delete what it read.
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes("52"), CASE);
  s.assertClean();
});

test("a #case= link wins over a remembered case, which Undo gives back", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const { page } = s;
  await byLabel(page, "Age (years)").fill("61");
  await page.getByRole("button", { name: "Share as link" }).click();
  const link = await page.getByLabel("Link to this case", { exact: true }).inputValue();
  assert.match(link, /#case=1\./);
  await page.evaluate(
    ([prefsKey, caseKey, saved]) => {
      localStorage.setItem(prefsKey, JSON.stringify({ lang: "en", units: "conventional" }));
      localStorage.setItem(caseKey, saved);
    },
    [PREFS, CASE, remembered(44)],
  );
  // A new document: only the fragment would change from the same page.
  await page.goto("about:blank");
  await page.goto(link);
  await s.waitForApp("[data-testid=risk-summary]");
  await page.getByTestId("banner").filter({ hasText: "Case loaded from the link." }).waitFor({ timeout: 5000 });
  const age = byLabel(page, "Age (years)");
  assert.equal(await age.inputValue(), "61");
  assert.equal(await page.evaluate(() => location.hash), "");
  assert.ok(await byLabel(page, "Remember on this device").isChecked());
  await page.getByTestId("undo").getByRole("button", { name: "Undo" }).click();
  assert.equal(await age.inputValue(), "44");
  s.assertClean();
});

test("a page that never remembered leaves another tab's remembered case alone", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const { page } = s;
  // Another tab of the same origin remembers a case while this one is open, not remembering.
  await page.evaluate(
    ([prefsKey, caseKey, saved]) => {
      localStorage.setItem(prefsKey, JSON.stringify({ lang: "en", units: "conventional" }));
      localStorage.setItem(caseKey, saved);
    },
    [PREFS, CASE, remembered(52)],
  );
  // Editing here re-renders and runs the save effect; it must not delete the other's case.
  await byLabel(page, "Age (years)").fill("61");
  await page.getByTestId("risk-summary").waitFor();
  await page.waitForTimeout(300);
  assert.match((await page.evaluate((key) => localStorage.getItem(key), CASE)) ?? "", /52/);
  assert.ok(!(await byLabel(page, "Remember on this device").isChecked()));
  s.assertClean();
});
