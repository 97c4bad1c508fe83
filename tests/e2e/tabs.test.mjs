// Two tabs, one remembered case (issue 16): with "remember on this device" on in two tabs of
// one browser, an edit in one never silently overwrites the other. The other tab says so
// and saves nothing until the user loads the newer case or keeps its own; turning
// "remember" off in one tab turns it off in both; a full storage is reported and the case
// on the page kept.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startSuite, byLabel } from "./harness.mjs";

const TIMEOUT = 90_000;
const CASE_KEY = "calciphylaxis.case.v1";
let suite;

before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

const ready = (page) => page.getByTestId("risk-summary").waitFor({ timeout: 15_000 });
const remember = (page) => byLabel(page, "Remember on this device");
const saved = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) || "null"), CASE_KEY);
const savedAge = async (page) => (await saved(page))?.patient?.age_years;

/** Two tabs of one browser, both remembering the case typed in the first (age 44). */
async function twoTabs(t) {
  const s = await suite.newSession(t);
  const a = s.page;
  await s.goto("/");
  await ready(a);
  await byLabel(a, "Age (years)").fill("44");
  await remember(a).check();
  await a.waitForFunction((key) => localStorage.getItem(key)?.includes("44"), CASE_KEY);
  const b = await s.context.newPage();
  await b.goto(suite.base);
  await ready(b);
  assert.equal(await byLabel(b, "Age (years)").inputValue(), "44");
  assert.ok(await remember(b).isChecked());
  return { s, a, b };
}

test("an edit in one tab is offered in the other, which saves nothing until the user chooses", { timeout: TIMEOUT }, async (t) => {
  const { s, a, b } = await twoTabs(t);
  // Opening the second tab told the first nothing: it is the same case.
  assert.equal(await a.getByTestId("other-tab").count(), 0);

  await byLabel(b, "Age (years)").fill("61");
  await a.getByTestId("other-tab").waitFor({ timeout: 5000 });
  assert.match(await a.getByTestId("other-tab").innerText(), /changed in another tab/);
  assert.equal(await byLabel(a, "Age (years)").inputValue(), "44", "nothing replaced before the choice");
  // An edit here meanwhile stays on this page and is not saved over the other tab's case.
  await byLabel(a, "Dialysis vintage (months)").fill("72");
  await a.waitForTimeout(300);
  assert.equal(await savedAge(a), 61);
  assert.equal((await saved(a)).kidney?.dialysis_vintage_months, undefined);

  // "Keep this one": this tab's case is saved, and now the other tab is asked.
  await a.getByRole("button", { name: "Keep this one" }).click();
  await a.waitForFunction(() => JSON.parse(localStorage.getItem("calciphylaxis.case.v1")).patient?.age_years === 44);
  assert.equal(await a.getByTestId("other-tab").count(), 0);
  assert.equal((await saved(a)).kidney?.dialysis_vintage_months, 72);
  await b.getByTestId("other-tab").waitFor({ timeout: 5000 });
  assert.equal(await byLabel(b, "Age (years)").inputValue(), "61");

  // "Load the newer case": the other tab's case, and Undo gives this one back.
  await b.getByRole("button", { name: "Load the newer case" }).click();
  assert.equal(await byLabel(b, "Age (years)").inputValue(), "44");
  assert.equal(await byLabel(b, "Dialysis vintage (months)").inputValue(), "72");
  assert.equal(await b.getByTestId("other-tab").count(), 0);
  await b.getByTestId("undo").getByRole("button", { name: "Undo" }).click();
  assert.equal(await byLabel(b, "Age (years)").inputValue(), "61");
  // Undo is an edit like any other: saved, and the first tab is asked again.
  await a.getByTestId("other-tab").waitFor({ timeout: 5000 });
  s.assertClean();
});

test("remember turned off in one tab is off in both, and the other tab's next edit saves nothing", { timeout: TIMEOUT }, async (t) => {
  const { s, a, b } = await twoTabs(t);
  await remember(a).uncheck();
  await a.waitForFunction(() => localStorage.length === 0);
  await b.getByTestId("banner").filter({ hasText: "turned off in another tab" }).waitFor({ timeout: 5000 });
  assert.equal(await remember(b).isChecked(), false);
  assert.equal(await byLabel(b, "Age (years)").inputValue(), "44", "the case on the page is kept");
  await byLabel(b, "Age (years)").fill("50");
  await b.waitForTimeout(300);
  assert.equal(await b.evaluate(() => localStorage.length), 0);
  s.assertClean();
});

test("a full storage is reported and the case on the page kept", { timeout: TIMEOUT }, async (t) => {
  const s = await suite.newSession(t);
  // The storage fills up once the flag is set (setItem throws QuotaExceededError).
  await s.context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__storageFull) throw new DOMException("full", "QuotaExceededError");
      return setItem.call(this, key, value);
    };
  });
  await s.goto("/");
  const page = s.page;
  await ready(page);
  await byLabel(page, "Age (years)").fill("44");
  await remember(page).check();
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes("44"), CASE_KEY);
  await page.evaluate(() => (window.__storageFull = true));
  await byLabel(page, "Albumin").fill("3.1");
  await page.getByTestId("banner").filter({ hasText: "storage is full" }).waitFor({ timeout: 5000 });
  assert.match(await page.getByTestId("banner").innerText(), /The case on this page is kept/);
  assert.equal(await byLabel(page, "Age (years)").inputValue(), "44");
  assert.equal(await byLabel(page, "Albumin").inputValue(), "3.1");
  assert.equal(await remember(page).isChecked(), false);
  await page.getByTestId("major-count").waitFor();
  s.assertClean();
});
