// From the record (issue 18): a FHIR export through the Import button and through the
// paste box, a Chinese and an English laboratory printout pasted, each reviewed before
// anything in the form changes (a tick per value), applied, marked with its date, undone.
// The importer is a second wasm module: not downloaded until first used, then offline too.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, startSuite, byLabel } from "./harness.mjs";

const FHIR = join(ROOT, "tests", "fhir", "calciphylaxis-dialysis.json");
const ZH_PRINTOUT = readFileSync(join(ROOT, "tests", "paste", "zh-printout.txt"), "utf8");
const EN_PRINTOUT = readFileSync(join(ROOT, "tests", "paste", "en-printout.txt"), "utf8");
const TIMEOUT = 90_000;

let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

const importerRequests = (s) => s.requests.filter((r) => /calciphylaxis-importer/.test(r));
const review = (page) => page.locator("[data-testid=import-review]");
const row = (page, field) => review(page).locator(`tr[data-field="${field}"]`);
const cellText = (page, field, column) => row(page, field).locator("td").nth(column).innerText();

async function paste(page, text, { read = "Read", label = "FHIR JSON or a laboratory report, as copied" } = {}) {
  const box = page.locator("[data-testid=paste-box]");
  if (!(await box.evaluate((d) => d.open))) await box.locator("summary").click();
  await byLabel(page, label).fill(text);
  await page.getByRole("button", { name: read, exact: true }).click();
}

test("a FHIR file is reviewed before the form changes; an unticked value stays out; Apply marks each value with its date; Undo puts the form back", { timeout: TIMEOUT }, async (t) => {
  const s = await suite.newSession(t);
  const page = s.page;
  await s.goto("/");
  await s.waitForApp("[data-testid=risk-summary]");
  assert.deepEqual(importerRequests(s), [], "the first visit downloads no importer");
  await page.locator("#f-age").fill("50");

  await page.locator("#import-file").setInputFiles(FHIR);
  await review(page).waitFor({ timeout: 20_000 });
  assert.ok(importerRequests(s).some((r) => r.endsWith(".wasm")), `importer started on first use:\n${s.requests.join("\n")}`);
  // Nothing has changed yet: the form still holds what was typed.
  assert.equal(await page.locator("#f-age").inputValue(), "50");
  assert.equal(await page.locator("#lab-calcium_total").inputValue(), "");
  // Each value beside what the form holds now, with its date and source.
  assert.equal(await cellText(page, "patient.age_years", 2), "64");
  assert.match(await cellText(page, "patient.age_years", 5), /50/);
  assert.match(await cellText(page, "labs.calcium_total", 2), /2\.35 mmol\/L.*2\.15.*2\.55/);
  assert.match(await cellText(page, "labs.calcium_total", 3), /2026-02-01/);
  assert.match(await cellText(page, "labs.calcium_total", 4), /^Observation\//);
  assert.match(await cellText(page, "labs.calcium_total", 5), /not recorded/);
  // The focus is on the review, for a screen reader and a keyboard.
  assert.equal(await page.evaluate(() => document.activeElement?.id), "review-heading");

  // Each tick is named for its field ("Use: …"), not as the form's own field is.
  assert.equal(await page.getByRole("checkbox", { name: /^Use: .*warfarin/i }).count(), 1);
  // Untick warfarin, apply.
  await row(page, "findings.warfarin").locator("input[type=checkbox]").uncheck();
  const before = await page.locator("[data-testid=risk-summary]").innerText();
  await page.getByTestId("review-apply").click();
  await review(page).waitFor({ state: "detached" });
  // The focus moves to Undo, the next thing to decide.
  await page.waitForFunction(() => document.activeElement?.closest("[data-testid=undo]") !== null);
  assert.match(await page.getByTestId("banner").innerText(), /Filled \d+ values from the record/);
  assert.equal(await page.locator("#f-age").inputValue(), "64");
  assert.equal(await page.locator("#lab-calcium_total").inputValue(), "2.35");
  assert.equal(await page.locator("#lab-calcium_total-unit").inputValue(), "mmol/L");
  assert.ok(await page.locator("#finding-heparin-yes").isChecked(), "heparin filled");
  assert.ok(await page.locator("#finding-warfarin-unknown").isChecked(), "the unticked warfarin stays unknown");
  assert.notEqual(await page.locator("[data-testid=risk-summary]").innerText(), before, "the results follow the filled form");
  // Each filled value says where it came from until it is edited.
  assert.match(await page.locator("#lab-calcium_total-msg").innerText(), /from the record, 2026-02-01/);
  assert.match(await page.locator("#finding-heparin-msg").innerText(), /from the record/);
  assert.equal(await page.locator("#finding-heparin-yes").getAttribute("aria-describedby"), "finding-heparin-msg");
  await page.locator("#lab-calcium_total").fill("2.4");
  assert.equal(await page.locator("#lab-calcium_total-msg").count(), 0, "an edited value is no longer the record's");
  assert.match(await page.locator("#lab-albumin-msg").innerText(), /from the record/);

  // Undo is offered until the next edit: apply again, then undo.
  await page.locator("#import-file").setInputFiles(FHIR);
  await review(page).waitFor();
  await page.getByTestId("review-apply").click();
  await page.getByTestId("undo").getByRole("button", { name: "Undo" }).click();
  assert.equal(await page.locator("#lab-calcium_total").inputValue(), "2.4", "Undo puts back the form as it was before the apply");
  assert.ok(await page.locator("#finding-warfarin-unknown").isChecked());
  s.assertClean();
});

test("a Chinese laboratory printout pasted in Chinese: flags and ranges read, an unknown unit and a < value left out with the reason", { timeout: TIMEOUT }, async (t) => {
  const s = await suite.newSession(t, { locale: "zh-CN" });
  const page = s.page;
  await s.goto("/zh/");
  await s.waitForApp("[data-testid=risk-summary]");
  await paste(page, ZH_PRINTOUT, { read: "读取", label: "FHIR JSON 或检验报告（原样粘贴）" });
  await review(page).waitFor({ timeout: 20_000 });
  assert.match(await review(page).locator("h2").innerText(), /填入表单前请核对/);
  assert.match(await cellText(page, "labs.calcium_total", 2), /2\.05 mmol\/L（实验室参考范围 2\.11 至 2\.52）/);
  assert.match(await cellText(page, "labs.calcium_total", 3), /2026-11-28/);
  assert.match(await cellText(page, "labs.calcium_total", 4), /第 5 行/);
  assert.match(await cellText(page, "labs.pth_intact", 2), /865 pg\/mL/);
  assert.match(await cellText(page, "labs.creatinine", 2), /756 µmol\/L/);
  // Homocysteine in 毫摩尔 (not a unit for it) and CRP "<0.5" fill nothing.
  assert.equal(await row(page, "labs.homocysteine").count(), 0);
  assert.equal(await row(page, "labs.crp").count(), 0);
  const notUsed = page.getByTestId("not-used");
  await notUsed.locator("summary").click();
  const reasons = await notUsed.innerText();
  assert.match(reasons, /第 16 行：.*毫摩尔/);
  assert.match(reasons, /第 15 行：/);
  await page.getByTestId("review-apply").click();
  assert.equal(await page.locator("#lab-calcium_total").inputValue(), "2.05");
  assert.equal(await page.locator("#lab-phosphate").inputValue(), "2.31");
  assert.match(await page.locator("#lab-phosphate-msg").innerText(), /来自病历，2026-11-28/);
  assert.equal(await page.locator("#lab-homocysteine").inputValue(), "");
  s.assertClean();
});

test("an English printout pasted: abbreviations read, a value printed without a unit is never given one", { timeout: TIMEOUT }, async (t) => {
  const s = await suite.newSession(t);
  const page = s.page;
  await s.goto("/");
  await s.waitForApp("[data-testid=risk-summary]");
  await paste(page, EN_PRINTOUT);
  await review(page).waitFor({ timeout: 20_000 });
  assert.match(await cellText(page, "labs.phosphate", 2), /6\.8 mg\/dL \(laboratory range 2\.5 to 4\.5\)/);
  assert.match(await cellText(page, "labs.pt_inr", 2), /2\.8/);
  assert.match(await cellText(page, "labs.lupus_anticoagulant", 2), /[Nn]egative|not detected/);
  assert.match(await cellText(page, "labs.calcium_total", 4), /line 2/);
  assert.equal(await row(page, "labs.d_dimer").count(), 0, "D-D 0.9 has no unit: not mapped");
  await page.getByTestId("not-used").locator("summary").click();
  assert.match(await page.getByTestId("not-used").innerText(), /line 19: no unit printed, and none is assumed/);
  // Switched to Chinese while open: the reasons are read again in Chinese, the ticks kept.
  await row(page, "labs.phosphate").locator("input[type=checkbox]").uncheck();
  await byLabel(page, "Language / 语言").selectOption("zh");
  // The line numbers are relabelled at once; the reasons come with the importer's new answer.
  await page.waitForFunction(() => /第 19 行：.*单位/.test(document.querySelector("[data-testid=not-used]")?.textContent ?? ""));
  assert.doesNotMatch(await page.getByTestId("not-used").innerText(), /no unit printed|no result on this line/);
  assert.equal(await row(page, "labs.phosphate").locator("input[type=checkbox]").isChecked(), false);
  await byLabel(page, "语言 / Language").selectOption("en");
  // Cancel: nothing changes, and the focus goes back to the paste box.
  await page.getByTestId("review-cancel").click();
  assert.equal(await review(page).count(), 0);
  assert.equal(await page.locator("#lab-phosphate").inputValue(), "");
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), "SUMMARY");
  // A review open when another case is loaded closes: it never fills the next case.
  await paste(page, EN_PRINTOUT);
  await review(page).waitFor();
  await byLabel(page, "Load an example case").selectOption({ index: 3 });
  assert.equal(await review(page).count(), 0);
  s.assertClean();
});

test("FHIR JSON pasted is read as FHIR; a paste with nothing to read says so and changes nothing", { timeout: TIMEOUT }, async (t) => {
  const s = await suite.newSession(t);
  const page = s.page;
  await s.goto("/");
  await s.waitForApp("[data-testid=risk-summary]");
  await paste(page, readFileSync(FHIR, "utf8"));
  await review(page).waitFor({ timeout: 20_000 });
  assert.match(await review(page).innerText(), /FHIR record/);
  await page.getByTestId("review-cancel").click();
  await paste(page, "   ");
  assert.match(await page.getByTestId("banner").innerText(), /nothing was pasted.*unchanged/);
  await paste(page, "no result here at all");
  await review(page).waitFor();
  assert.equal(await page.getByTestId("nothing-to-apply").count(), 1);
  assert.ok(await page.getByTestId("review-apply").isDisabled());
  s.assertClean();
});

test("the review is accessible (axe) at phone width", { timeout: TIMEOUT }, async (t) => {
  const s = await suite.newSession(t, { bypassCSP: true, viewport: { width: 390, height: 844 } });
  const page = s.page;
  await s.goto("/");
  await s.waitForApp("[data-testid=risk-summary]");
  await paste(page, EN_PRINTOUT);
  await review(page).waitFor({ timeout: 20_000 });
  await page.getByTestId("not-used").locator("summary").click();
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= inner, `horizontal scroll: ${scroll} > ${inner}`);
  await s.screenshot("import-review-390");
  await page.addScriptTag({ path: join(ROOT, "node_modules", "axe-core", "axe.min.js") });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  });
  assert.deepEqual(violations, [], violations.join("\n"));
});

test("offline after the service worker has installed, the importer still reads a paste", { timeout: TIMEOUT }, async (t) => {
  const s = await suite.newSession(t, { serviceWorkers: "allow" });
  const page = s.page;
  await s.goto("/");
  await s.waitForApp("[data-testid=risk-summary]");
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  // Wait until the worker has precached every file (its install step).
  await page.waitForFunction(async () => (await caches.keys()).length > 0, null, { timeout: 20_000 });
  await s.context.setOffline(true);
  await page.reload();
  await s.waitForApp("[data-testid=risk-summary]");
  await paste(page, EN_PRINTOUT);
  await review(page).waitFor({ timeout: 20_000 });
  assert.ok((await review(page).locator("tbody tr").count()) >= 15);
  await s.context.setOffline(false);
});
