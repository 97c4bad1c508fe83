// The clinician's app in headless Chromium: a whole case entered by label, unit switching,
// inline errors, export / reset / import, a broken import, language switch, remembering on
// the device (and a corrupt or refused storage), print media, phone width, and axe-core.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHINESE_WORDS, ROOT, startSuite, byLabel } from "./harness.mjs";

const TIMEOUT = 90_000;
let suite;

before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

async function open(t, options = {}) {
  const s = await suite.newSession(t, options);
  await s.goto("/");
  await s.waitForApp("[data-testid=risk-summary]");
  return s;
}

const yes = (page, finding) => page.getByRole("group", { name: finding, exact: true }).getByLabel("Yes", { exact: true }).check();
const no = (page, finding) => page.getByRole("group", { name: finding, exact: true }).getByLabel("No", { exact: true }).check();

async function lab(page, name, value, unit) {
  if (unit) await byLabel(page, `${name} unit`).selectOption(unit);
  await byLabel(page, name).fill(value);
}

test("a whole case entered by label gives the expected counts, workup and MSC status", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const page = s.page;
  await byLabel(page, "Age (years)").fill("67");
  await byLabel(page, "Sex").selectOption("female");
  await byLabel(page, "Weight (kg)").fill("88");
  await byLabel(page, "Height (cm)").fill("160");
  await byLabel(page, "CKD stage").selectOption("G5D");
  await byLabel(page, "Dialysis").selectOption("hemodialysis");
  await byLabel(page, "Dialysis vintage (months)").fill("30");
  await yes(page, "Warfarin or another vitamin K antagonist (long-term)");
  await yes(page, "Diabetes mellitus");
  await no(page, "Acute thrombosis (current)");
  await lab(page, "Calcium, total", "2.35", "mmol/L");
  await lab(page, "Albumin", "31", "g/L");
  await lab(page, "Phosphate", "1.9", "mmol/L");
  await lab(page, "Parathyroid hormone, intact", "420");
  await lab(page, "Protein C activity", "42");
  await lab(page, "Protein S, free", "38");

  await assert.doesNotReject(page.getByTestId("major-count").filter({ hasText: "Major: 1" }).waitFor({ timeout: 5000 }));
  // 5, not 6: hypercalcaemia is unknown (issue 14 item 7: 10.14 mg/dL corrected, only Payne's 10.32 above 10.2).
  assert.equal(await page.getByTestId("minor-count").innerText(), "Minor: 5");
  const proteinC = page.locator('[data-test="protein_c_activity"]');
  assert.match(await proteinC.innerText(), /Uninterpretable/);
  assert.match(await proteinC.innerText(), /warfarin/i);
  assert.equal(await page.getByTestId("msc-status").innerText(), "Incomplete");
  // The derived BMI and its basis.
  assert.match(await page.locator("#results").innerText(), /34\.4 kg\/m²/);
  s.assertClean();
});

test("switching a lab's unit converts the value typed", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  await lab(s.page, "Calcium, total", "10");
  await byLabel(s.page, "Calcium, total unit").selectOption("mmol/L");
  assert.equal(await byLabel(s.page, "Calcium, total").inputValue(), "2.495");
  await byLabel(s.page, "Calcium, total unit").selectOption("mg/dL");
  assert.equal(await byLabel(s.page, "Calcium, total").inputValue(), "10");
  s.assertClean();
});

test("a bad value shows an inline error, stays in its field, and the rest still computes", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const page = s.page;
  await byLabel(page, "Dialysis vintage (months)").fill("72");
  await byLabel(page, "Albumin").fill("3,1");
  await byLabel(page, "Calcium, total").fill("60");
  const albuminError = page.locator("#lab-albumin-msg");
  assert.match(await albuminError.innerText(), /decimal point/);
  assert.equal(await byLabel(page, "Albumin").inputValue(), "3,1");
  assert.equal(await byLabel(page, "Albumin").getAttribute("aria-invalid"), "true");
  assert.match(await page.locator("#lab-calcium_total-msg").innerText(), /plausible range/);
  // The valid input is still assessed: dialysis > 5 years is a major factor.
  await page.getByTestId("major-count").filter({ hasText: "Major: 1" }).waitFor({ timeout: 5000 });
  assert.match(await page.getByTestId("ignored").innerText(), /Albumin/);
  s.assertClean();
});

test("export, new case, import gives the same case back", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t, { acceptDownloads: true });
  const page = s.page;
  // Option 0 is "Choose…"; 5 is the case excluded by active malignancy.
  await byLabel(page, "Load an example case").selectOption({ index: 5 });
  await page.getByTestId("msc-status").filter({ hasText: "Not eligible" }).waitFor({ timeout: 5000 });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export case (JSON)" }).click()]);
  const dir = mkdtempSync(join(tmpdir(), "calci-"));
  const file = join(dir, "case.json");
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, "utf8"));
  assert.equal(exported.format, "calciphylaxis-case/1");
  assert.equal(exported.patient.age_years, 61);

  await page.getByRole("button", { name: "New case" }).click();
  await page.getByTestId("empty-state").waitFor({ timeout: 5000 });
  assert.equal(await byLabel(page, "Age (years)").inputValue(), "");

  await page.locator("#import-file").setInputFiles(file);
  await page.getByTestId("banner").filter({ hasText: "Imported case.json" }).waitFor({ timeout: 5000 });
  assert.equal(await byLabel(page, "Age (years)").inputValue(), "61");
  assert.equal(await byLabel(page, "Case label (optional, avoid identifiers)").inputValue(), exported.label);
  assert.equal(await page.getByTestId("msc-status").innerText(), "Not eligible");
  const [again] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export case (JSON)" }).click()]);
  const second = join(dir, "again.json");
  await again.saveAs(second);
  assert.deepEqual(JSON.parse(readFileSync(second, "utf8")), exported);
  s.assertClean();
});

test("a therapy not tried imports as Not tried, exports as false, and Unknown removes it", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t, { acceptDownloads: true });
  const page = s.page;
  const dir = mkdtempSync(join(tmpdir(), "calci-"));
  const file = join(dir, "therapies.json");
  const therapies = { wound_care: false, sodium_thiosulfate: { weeks: 8, response: "none" } };
  writeFileSync(file, JSON.stringify({ format: "calciphylaxis-case/1", therapies_tried: therapies }));
  await page.locator("#import-file").setInputFiles(file);
  await page.getByTestId("banner").filter({ hasText: "Imported therapies.json" }).waitFor({ timeout: 5000 });
  const woundCare = byLabel(page, "Specialist wound care");
  const cinacalcet = byLabel(page, "Cinacalcet");
  const shown = (select) => select.locator("option:checked").innerText();
  assert.equal(await shown(woundCare), "Not tried");
  assert.equal(await shown(cinacalcet), "Unknown");
  assert.equal(await shown(byLabel(page, "Sodium thiosulfate")), "No response");
  const exported = async (name) => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export case (JSON)" }).click()]);
    await download.saveAs(join(dir, name));
    return JSON.parse(readFileSync(join(dir, name), "utf8")).therapies_tried;
  };
  assert.deepEqual(await exported("first.json"), therapies);

  await woundCare.selectOption({ label: "Unknown" });
  await cinacalcet.selectOption({ label: "Not tried" });
  assert.deepEqual(await exported("second.json"), { cinacalcet: false, sodium_thiosulfate: therapies.sodium_thiosulfate });

  await byLabel(page, "Language / 语言").selectOption("zh");
  assert.equal(await shown(byLabel(page, "西那卡塞")), "未尝试");
  assert.equal(await shown(byLabel(page, "专业伤口护理")), "未知");
  s.assertClean();
});

test("a broken import file is reported and the current case is kept", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const page = s.page;
  await byLabel(page, "Age (years)").fill("58");
  const dir = mkdtempSync(join(tmpdir(), "calci-"));
  for (const [name, text, reason] of [
    ["broken.json", "{ \"format\": \"calciphylaxis-case/1\", ", /not valid JSON/],
    ["other.json", "{\"format\": \"calciphylaxis-assessment/1\"}", /calciphylaxis-case\/1/],
  ]) {
    writeFileSync(join(dir, name), text);
    await page.locator("#import-file").setInputFiles(join(dir, name));
    const banner = page.getByTestId("banner");
    await banner.filter({ hasText: `Could not import ${name}` }).waitFor({ timeout: 5000 });
    assert.match(await banner.innerText(), reason);
    assert.match(await banner.innerText(), /unchanged/);
    assert.equal(await byLabel(page, "Age (years)").inputValue(), "58");
  }
  s.assertClean();
});

test("each output's Why? opens its basis and sources in full next to it, and closes again", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const { page } = s;
  await byLabel(page, "Load an example case").selectOption({ index: 4 }); // warfarin teaching case
  const row = page.locator('[data-test="protein_c_activity"]');
  await row.filter({ hasText: "Uninterpretable" }).waitFor({ timeout: 5000 });
  const why = row.locator("details.why");
  assert.equal(await why.locator("cite").count(), 0, "closed: nothing rendered inside");
  await why.locator("summary").click();
  await why.locator('[data-source="marlar_2014"] cite').waitFor({ timeout: 5000 });
  assert.match(await why.innerText(), /Marlar RA/);
  const factor = page.locator('[data-factor="warfarin"] details.why');
  await factor.locator("summary").click();
  await factor.locator("cite").filter({ hasText: "doi:10.1093/ndt/gfr658" }).waitFor({ timeout: 5000 });
  await why.locator("summary").click();
  await page.waitForFunction(() => !document.querySelector('[data-test="protein_c_activity"] details.why cite'));
  // Edits re-render the panels; an opened Why stays open with its sources.
  await byLabel(page, "Age (years)").fill("68");
  assert.ok(await factor.evaluate((d) => d.open));
  assert.ok(await factor.locator("cite").filter({ hasText: "Hayashi" }).isVisible());
  s.assertClean();
});

test("a load or New case over a typed case offers Undo, which brings the typed case back", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const { page } = s;
  const undo = page.getByTestId("undo");
  const example = byLabel(page, "Load an example case");
  const age = byLabel(page, "Age (years)");
  const vintage = byLabel(page, "Dialysis vintage (months)");

  // Over an empty form there is nothing to give back.
  await example.selectOption({ index: 3 });
  await page.waitForFunction(() => document.getElementById("f-age").value !== "");
  assert.equal(await undo.count(), 0);
  await page.getByRole("button", { name: "New case" }).click();
  assert.equal(await age.inputValue(), "");

  await age.fill("45");
  await vintage.fill("72");
  const summary = await page.getByTestId("summary").innerText();

  // Arrow keys on the example list load an example at each press; Undo still returns the
  // typed case, not the example the last press replaced.
  await example.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await undo.waitFor({ timeout: 5000 });
  assert.notEqual(await age.inputValue(), "45");
  assert.match(await undo.innerText(), /The case you had entered was replaced/);
  await undo.getByRole("button", { name: "Undo" }).click();
  assert.equal(await age.inputValue(), "45");
  assert.equal(await vintage.inputValue(), "72");
  assert.equal(await page.getByTestId("summary").innerText(), summary);
  assert.equal(await undo.count(), 0);

  // New case, then Undo.
  await page.getByRole("button", { name: "New case" }).click();
  assert.equal(await age.inputValue(), "");
  await undo.getByRole("button", { name: "Undo" }).click();
  assert.equal(await age.inputValue(), "45");

  // An edit after the load ends the offer (Undo would discard it).
  await example.selectOption({ index: 4 });
  await undo.waitFor({ timeout: 5000 });
  await age.fill("70");
  assert.equal(await undo.count(), 0);
  s.assertClean();
});

const chineseWords = (s) => s.requests.filter((r) => CHINESE_WORDS.test(r));

test("switching language keeps the input and translates the page; the Chinese words are fetched once, when chosen", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const page = s.page;
  // The English page's first visit carries no Chinese: the app's wasm has English only.
  assert.deepEqual(chineseWords(s), [], "no Chinese words fetched for the English page");
  await byLabel(page, "Dialysis vintage (months)").fill("72");
  await byLabel(page, "Language / 语言").selectOption("zh");
  await page.locator("h1").filter({ hasText: "钙化防御计算器" }).waitFor({ timeout: 5000 });
  assert.equal(await page.locator("html").getAttribute("lang"), "zh-Hans");
  assert.equal(await byLabel(page, "透析龄（月）").inputValue(), "72");
  assert.match(await page.getByTestId("major-count").innerText(), /1/);
  await byLabel(page, "语言 / Language").selectOption("en");
  await page.locator("h1").filter({ hasText: "Calciphylaxis calculator" }).waitFor({ timeout: 5000 });
  await byLabel(page, "Language / 语言").selectOption("zh");
  await page.locator("h1").filter({ hasText: "钙化防御计算器" }).waitFor({ timeout: 5000 });
  assert.equal(chineseWords(s).length, 1, `fetched once, from the app's origin:\n${chineseWords(s).join("\n")}`);
  s.assertClean();
});

test("the Chinese page whose words cannot be had starts in English and says why; typed values are kept", { timeout: TIMEOUT }, async (t) => {
  const s = await suite.newSession(t);
  const page = s.page;
  await page.route(CHINESE_WORDS, (route) => route.abort("internetdisconnected"));
  await page.route(/_bg\.wasm$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1000)); // time to type into the pre-rendered page
    await route.continue();
  });
  await page.goto(`${suite.origin}/zh/`, { waitUntil: "commit" });
  await byLabel(page, "透析龄（月）").fill("72");
  const banner = page.getByTestId("banner").filter({ hasText: "简体中文 could not be loaded" });
  await banner.waitFor({ timeout: 15_000 });
  assert.match(await banner.innerText(), /Failed to fetch/);
  await page.locator("h1").filter({ hasText: "Calciphylaxis calculator" }).waitFor({ timeout: 5000 });
  assert.equal(await byLabel(page, "Language / 语言").inputValue(), "en");
  assert.equal(await byLabel(page, "Dialysis vintage (months)").inputValue(), "72", "what was typed is kept");
  assert.match(await page.getByTestId("major-count").innerText(), /1/);
  // The network back: choosing Chinese works.
  await page.unroute(CHINESE_WORDS);
  await byLabel(page, "Language / 语言").selectOption("zh");
  await page.locator("h1").filter({ hasText: "钙化防御计算器" }).waitFor({ timeout: 5000 });
  const failed = (r) => !CHINESE_WORDS.test(r.split(" ")[1]);
  assert.deepEqual(s.failedRequests.filter(failed), [], "only the words' request failed");
  assert.deepEqual(s.consoleErrors.filter((e) => !/Failed to load resource|calciphylaxis-zh/.test(e)), []);
  assert.deepEqual(s.pageErrors, []);
});

test("Chinese words that cannot be had keep the app in English, say why, and keep the case", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const page = s.page;
  // A file of another build (a stale cache, a half-finished deployment) is refused, not misread.
  await page.route(CHINESE_WORDS, (route) =>
    route.fulfill({ status: 200, contentType: "text/plain", body: "calciphylaxis-catalogue/1 zh 0123456789abcdef 1\nx" }));
  await byLabel(page, "Dialysis vintage (months)").fill("72");
  await byLabel(page, "Language / 语言").selectOption("zh");
  const banner = page.getByTestId("banner").filter({ hasText: "简体中文 could not be loaded" });
  await banner.waitFor({ timeout: 5000 });
  assert.match(await banner.innerText(), /not of this build/);
  assert.equal(await byLabel(page, "Language / 语言").inputValue(), "en", "the choice goes back to English");
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.equal(await byLabel(page, "Dialysis vintage (months)").inputValue(), "72");
  assert.match(await page.getByTestId("major-count").innerText(), /1/);
  // Once the file can be had, choosing Chinese again works.
  await page.unroute(CHINESE_WORDS);
  await byLabel(page, "Language / 语言").selectOption("zh");
  await page.locator("h1").filter({ hasText: "钙化防御计算器" }).waitFor({ timeout: 5000 });
  s.assertClean();
});

test("remember on this device restores the case; a corrupt saved case is reported and discarded", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const page = s.page;
  // Off by default: nothing is stored.
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  await byLabel(page, "Age (years)").fill("44");
  await byLabel(page, "Remember on this device").check();
  await page.waitForFunction(() => localStorage.getItem("calciphylaxis.case.v1")?.includes("44"));
  await page.reload();
  await s.waitForApp("[data-testid=risk-summary]");
  assert.equal(await byLabel(page, "Age (years)").inputValue(), "44");
  assert.ok(await byLabel(page, "Remember on this device").isChecked());
  // Turning it off deletes what was saved.
  await byLabel(page, "Remember on this device").uncheck();
  await page.waitForFunction(() => localStorage.length === 0);

  await page.evaluate(() => {
    localStorage.setItem("calciphylaxis.prefs.v1", JSON.stringify({ lang: "en", units: "si" }));
    localStorage.setItem("calciphylaxis.case.v1", "{ corrupt");
  });
  await page.reload();
  await s.waitForApp("[data-testid=risk-summary]");
  assert.match(await page.getByTestId("banner").innerText(), /could not be read and was discarded/);
  // Only the unreadable case is lost: the saved preferences and the opt-in are kept.
  assert.equal(await byLabel(page, "Default units").inputValue(), "si");
  assert.equal(await byLabel(page, "Calcium, total unit").inputValue(), "mmol/L");
  assert.ok(await byLabel(page, "Remember on this device").isChecked());
  // Still opted in: the discarded text is replaced by the current, valid case.
  const saved = await page.evaluate(() => localStorage.getItem("calciphylaxis.case.v1"));
  assert.notEqual(saved, "{ corrupt");
  assert.equal(JSON.parse(saved).format, "calciphylaxis-case/1");
  await byLabel(page, "Dialysis vintage (months)").fill("72");
  await page.getByTestId("major-count").filter({ hasText: "Major: 1" }).waitFor({ timeout: 5000 });
  s.assertClean();
});

test("storage refused (private mode) is reported, and nothing breaks", { timeout: TIMEOUT }, async (t) => {
  const s = await suite.newSession(t);
  await s.context.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException("denied", "QuotaExceededError");
    };
  });
  await s.goto("/");
  await s.waitForApp("[data-testid=risk-summary]");
  const page = s.page;
  await byLabel(page, "Age (years)").fill("50");
  await byLabel(page, "Albumin").fill("3.1");
  // click, not check(): the app unchecks the box again when storage is refused.
  await byLabel(page, "Remember on this device").click();
  await page.getByTestId("banner").filter({ hasText: "nothing is saved" }).waitFor({ timeout: 5000 });
  assert.equal(await byLabel(page, "Remember on this device").isChecked(), false);
  // Nothing typed before is lost, and the case is still assessed.
  assert.equal(await byLabel(page, "Age (years)").inputValue(), "50");
  assert.equal(await byLabel(page, "Albumin").inputValue(), "3.1");
  await byLabel(page, "Dialysis vintage (months)").fill("72");
  await page.getByTestId("major-count").filter({ hasText: "Major: 1" }).waitFor({ timeout: 5000 });
  s.assertClean();
});

test("print media shows the report without controls", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const page = s.page;
  await byLabel(page, "Load an example case").selectOption({ index: 4 });
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".toolbar").isVisible(), false);
  assert.equal(await page.getByRole("button", { name: "Print order list" }).isVisible(), false);
  assert.ok(await page.getByTestId("risk-summary").isVisible());
  assert.ok(await page.locator(".print-date").isVisible());
  // The case as entered and every source in full are in the report.
  assert.ok(await page.locator(".case-summary").isVisible());
  assert.ok(await page.locator(".citations").isVisible());
  assert.equal(await page.locator("form.inputs").isVisible(), false);
  const pdf = await page.pdf({ format: "A4" });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  // Up to 3 since issue 14 added six MSC exclusions, four context lines and their sources.
  assert.ok(pages >= 1 && pages <= 3, `the report takes ${pages} pages`);
  s.assertClean();
});

test("print order list shows only the tests to order or repeat", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const page = s.page;
  await byLabel(page, "Load an example case").selectOption({ index: 4 }); // warfarin teaching case
  // The button adds this class for the one print; set it here, as window.print() returns at once headless.
  await page.evaluate(() => document.body.classList.add("print-orders"));
  await page.emulateMedia({ media: "print" });
  assert.ok(await page.getByRole("heading", { name: /tests to order or repeat/ }).isVisible());
  assert.ok(await page.locator('[data-test="fibrinogen"]').isVisible()); // to order
  assert.ok(await page.locator('[data-test="protein_c_activity"]').isVisible()); // to repeat
  assert.equal(await page.locator('[data-test="platelets"]').isVisible(), false); // normal
  assert.equal(await page.locator('[data-test="d_dimer"]').isVisible(), false); // abnormal, done
  assert.equal(await page.getByTestId("risk-summary").isVisible(), false);
  s.assertClean();
});

test("phone width has no horizontal scroll", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t, { viewport: { width: 360, height: 740 } });
  await byLabel(s.page, "Load an example case").selectOption({ index: 3 });
  const [scroll, inner] = await s.page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= inner, `scrollWidth ${scroll} > ${inner}`);
  await s.screenshot("phone-360");
  s.assertClean();
});

test("axe-core finds no accessibility violations (empty and filled, both languages)", { timeout: TIMEOUT }, async (t) => {
  // axe is injected as a script, which the app's own CSP rightly forbids: bypass it here only.
  const s = await open(t, { bypassCSP: true });
  const page = s.page;
  await page.addScriptTag({ path: join(ROOT, "node_modules", "axe-core", "axe.min.js") });
  const scan = async (when) => {
    const result = await page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
      return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
    });
    assert.deepEqual(result, [], `${when}:\n${result.join("\n")}`);
  };
  await scan("empty");
  await byLabel(page, "Load an example case").selectOption({ index: 3 });
  await byLabel(page, "Albumin").fill("abc");
  await page.locator("details.why").first().evaluate((d) => (d.open = true));
  await scan("filled");
  await byLabel(page, "Language / 语言").selectOption("zh");
  await page.locator("h1").filter({ hasText: "钙化防御计算器" }).waitFor({ timeout: 5000 });
  await scan("Chinese");
  await byLabel(page, "语言 / Language").selectOption("en");
  await page.getByRole("button", { name: "Teaching cases" }).click();
  await page.getByRole("button", { name: "MSC candidate (illustrative)" }).click();
  await page.getByRole("button", { name: "Reveal the answer" }).click();
  await scan("teaching, revealed");
  await page.getByRole("button", { name: /Present/ }).click();
  await scan("presenter view");
});

test("keyboard only: tab to a field, type, and the result updates", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const page = s.page;
  await byLabel(page, "Height (cm)").focus();
  await page.keyboard.press("Shift+Tab");
  const focused = await page.evaluate(() => document.activeElement?.id);
  assert.equal(focused, "f-weight");
  await byLabel(page, "Dialysis vintage (months)").focus();
  await page.keyboard.type("90");
  await page.getByTestId("major-count").filter({ hasText: "Major: 1" }).waitFor({ timeout: 5000 });
  // The focused element has a visible outline.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none");
  s.assertClean();
});

test("three follow-up visits give the response table, a chart per marker and the MSC start", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const page = s.page;
  await byLabel(page, "Load an example case").selectOption({ index: 1 }); // Nanjing salvage report
  const visits = [
    ["2024-01-05", "9", "120", "620", "intravenous"],
    ["2024-03-01", "5", "70", "380", ""],
    ["2024-06-01", "2", "20", "250", ""],
  ];
  for (const [index, [date, pain, area, platelets, route]] of visits.entries()) {
    await page.getByRole("button", { name: "Add visit" }).click();
    await page.locator(`#visit-${index}-date`).fill(date);
    await page.locator(`#visit-${index}-pain`).fill(pain);
    await page.locator(`#visit-${index}-area`).fill(area);
    await page.locator(`#lab-visit${index}-platelets`).fill(platelets);
    if (route) {
      await page.locator(`#visit-${index}-msc`).selectOption(route);
      await page.locator(`#visit-${index}-dose`).fill("1×10^6 cells/kg");
    }
  }
  await page.locator("#visit-2-biopsy").selectOption("not_consistent");
  const panel = page.getByTestId("followup");
  await panel.waitFor({ timeout: 5000 });
  const pain = panel.locator('tr[data-marker="pain_score"]');
  assert.match(await pain.innerText(), /9.*2024-01-05/s);
  assert.match(await pain.innerText(), /improved/i);
  assert.match(await panel.locator('tr[data-marker="platelets"]').innerText(), /toward/i);
  // One chart per marker that has two or more values, each with the MSC start line and
  // an accessible table of the same values.
  assert.equal(await panel.locator("svg.trend-svg").count(), 3);
  assert.equal(await panel.locator('.trend[data-marker="wound_area_cm2"] .trend-treatment').count(), 1);
  assert.equal(await panel.locator('.trend[data-marker="wound_area_cm2"] table tbody tr').count(), 3);
  // A bad value in a visit is reported next to its field and left out.
  await page.locator("#visit-2-pain").fill("12");
  await page.locator("#visit-2-pain-msg").waitFor({ timeout: 5000 });
  s.assertClean();
});

test("teaching: predict, reveal the engine's answer with its reasoning, then present with the keyboard", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const page = s.page;
  await page.getByRole("button", { name: "Teaching cases" }).click();
  await page.getByRole("button", { name: "On warfarin, low protein C and S (illustrative)" }).click();
  await page.getByTestId("teaching").getByText("Warfarin or another vitamin K antagonist").first().waitFor({ timeout: 5000 });
  await byLabel(page, "Consensus risk threshold").selectOption("met");
  await byLabel(page, "Consensus diagnostic tier").selectOption("clinical");
  await byLabel(page, "Workup: is any result uninterpretable in this patient now?").selectOption("yes");
  // Not eligible since issue 14: the biopsy was not done, and an experimental therapy needs
  // the diagnosis by histology.
  await byLabel(page, "MSC eligibility").selectOption("not_eligible");
  await page.getByRole("button", { name: "Reveal the answer" }).click();
  const answer = page.getByTestId("answer");
  await answer.waitFor({ timeout: 5000 });
  const rows = answer.locator(":scope > ul > li");
  assert.equal(await rows.nth(0).getAttribute("data-matched"), "true"); // threshold met
  assert.equal(await rows.nth(1).getAttribute("data-matched"), "false"); // the differential is not excluded
  assert.match(await rows.nth(1).innerText(), /you predicted clinical/);
  assert.equal(await rows.nth(2).getAttribute("data-matched"), "true"); // protein C/S on warfarin
  assert.equal(await rows.nth(3).getAttribute("data-matched"), "true");
  assert.match(await answer.innerText(), /uninterpretable|2 weeks/i);
  assert.ok(await answer.locator('[data-source="marlar_2014"]').first().isVisible());

  await page.getByRole("button", { name: /Present/ }).click();
  const presenter = page.getByTestId("presenter");
  await presenter.waitFor({ timeout: 5000 });
  assert.equal(await presenter.getAttribute("data-slide"), "0");
  await page.keyboard.press("ArrowRight");
  assert.equal(await presenter.getAttribute("data-slide"), "1");
  assert.ok(await presenter.getByTestId("risk-summary").isVisible());
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await presenter.getAttribute("data-slide"), "1");
  await page.keyboard.press("Escape");
  await answer.waitFor({ timeout: 5000 });
  s.assertClean();
});
