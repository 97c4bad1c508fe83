// Every user-facing error path, in headless Chromium. Each one must show a clear message
// next to the field concerned (or in the banner for a file), found through the page's
// accessible relationships (aria-invalid, aria-describedby, role=status); lose nothing the
// user entered; leave the rest of the assessment computing; and log no console error or
// CSP violation. The corrupt saved case and refused storage are in app.test.mjs; the
// JavaScript API given garbage is in embed.test.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startSuite, byLabel, formState } from "./harness.mjs";

const TIMEOUT = 90_000;
let suite;

before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

async function open(t) {
  const s = await suite.newSession(t);
  await s.goto("/");
  await s.waitForApp("[data-testid=risk-summary]");
  return s;
}

const yes = (page, finding) => page.getByRole("group", { name: finding, exact: true }).getByLabel("Yes", { exact: true }).check();
const WARFARIN = "Warfarin or another vitamin K antagonist (long-term)";

/** `after` equals `before` except for the controls named in `except`. */
function assertUnchangedExcept(before, after, except = []) {
  const strip = (state) => Object.fromEntries(Object.entries(state).filter(([id]) => !except.includes(id)));
  assert.deepEqual(strip(after), strip(before), `controls other than ${except.join(", ") || "none"} changed`);
}

/**
 * What assistive technology is told about a control: aria-invalid, and the text of the
 * elements its aria-describedby points at; whether those are visible and inside the
 * control's own field (next to it).
 */
const describe = (control) =>
  control.evaluate((el) => {
    const ids = (el.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    const notes = ids.map((id) => document.getElementById(id));
    const field = el.closest(".field");
    return {
      invalid: el.getAttribute("aria-invalid"),
      text: notes.map((n) => n?.textContent ?? `(missing #${ids})`).join(" "),
      nextTo: notes.length > 0 && notes.every((n) => n && field?.contains(n)),
      visible: notes.every((n) => n && n.getClientRects().length > 0),
    };
  });

async function assertFieldError(control, pattern, what) {
  // The message follows the input at once (same render), but give the page a moment;
  // the assertions below say what is missing.
  await control.page().waitForFunction((el) => el.getAttribute("aria-invalid") === "true", await control.elementHandle(), { timeout: 5000 }).catch(() => {});
  const d = await describe(control);
  assert.equal(d.invalid, "true", `${what}: aria-invalid`);
  assert.match(d.text, pattern, `${what}: the message it is described by`);
  assert.ok(d.nextTo, `${what}: the message is inside the field's own block`);
  assert.ok(d.visible, `${what}: the message is visible`);
}

async function assertFieldValid(control, what) {
  await control.page().waitForFunction((el) => el.getAttribute("aria-invalid") === "false", await control.elementHandle(), { timeout: 5000 }).catch(() => {});
  const d = await describe(control);
  assert.equal(d.invalid, "false", `${what}: aria-invalid`);
  assert.equal(d.text, "", `${what}: no message left behind`);
}

/** The at-a-glance results: counts, tiers, workup and MSC status. */
const glance = (page) => page.getByTestId("summary").innerText();

/** Hands the import control a file made here (never written to disk). */
async function importFile(page, name, content) {
  await page.locator("#import-file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(content) });
}

/** The file-level banner: a status message, found by its role. */
const banner = (page) => page.getByRole("status").filter({ has: page.getByRole("button", { name: "Dismiss" }) });

async function baseCase(page) {
  await byLabel(page, "Age (years)").fill("58");
  await byLabel(page, "Dialysis vintage (months)").fill("72");
  await yes(page, WARFARIN);
  await byLabel(page, "Albumin").fill("3.1");
  await byLabel(page, "Platelet count").fill("210");
  // Dialysis > 5 years and warfarin: two major factors.
  await page.getByTestId("major-count").filter({ hasText: "Major: 2" }).waitFor({ timeout: 5000 });
}

test("text that is not a number stays as typed, is marked invalid with its message beside it, and the rest still computes", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const page = s.page;
  await baseCase(page);
  const before = await formState(page);
  const glanceBefore = await glance(page);
  const fields = [
    ["Age (years)", "f-age", "age"],
    ["Weight (kg)", "f-weight", "weight"],
    ["Number of lesions", "f-lesions", "lesion count"],
    ["Calcium, total", "lab-calcium_total", "calcium"],
    ["Parathyroid hormone, intact", "lab-pth_intact", "PTH"],
    ["Sodium thiosulfate: weeks", "therapy-sodium_thiosulfate-weeks", "therapy weeks"],
  ];
  const bad = [
    ["abc", /"abc" is not a number/],
    ["1,2,3", /use a decimal point, not a comma/],
    ["--5", /"--5" is not a number/],
    ["1e999", /"1e999" is not a number/],
    ["12abc", /"12abc" is not a number/],
  ];
  for (const [label, id, what] of fields) {
    const control = byLabel(page, label);
    assert.equal(await control.getAttribute("id"), id, `${label} is the control #${id}`);
    for (const [text, pattern] of bad) {
      await control.fill(text);
      await assertFieldError(control, pattern, `${what} "${text}"`);
      assert.equal(await control.inputValue(), text, `${what}: the text stays as typed`);
      assertUnchangedExcept(before, await formState(page), [id]);
      // Left out, said so in the results, and everything else assessed as before.
      // The results name the field in words ("Sodium thiosulfate · weeks"), not by its path.
      const named = label.replace(": weeks", " · weeks").replace(/[()]/g, "\\$&");
      assert.match(await page.getByTestId("ignored").innerText(), new RegExp(`${named}: ${pattern.source}`));
      assert.equal(await page.getByTestId("major-count").innerText(), "Major: 2");
      assert.equal(await glance(page), glanceBefore, `${what} "${text}": the rest of the assessment is unchanged`);
    }
    await control.fill(before[id]);
    await assertFieldValid(control, what);
  }
  assert.deepEqual(await formState(page), before);
  assert.equal(await page.getByTestId("ignored").count(), 0, "nothing left out once corrected");
  s.assertClean();
});

test("a lab's unit switched while its text is not a number keeps the text and the message", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const page = s.page;
  const calcium = byLabel(page, "Calcium, total");
  await calcium.fill("9.x");
  await assertFieldError(calcium, /"9\.x" is not a number/, "calcium");
  await byLabel(page, "Calcium, total unit").selectOption("mmol/L");
  assert.equal(await calcium.inputValue(), "9.x");
  assert.equal(await byLabel(page, "Calcium, total unit").inputValue(), "mmol/L");
  await assertFieldError(calcium, /"9\.x" is not a number/, "calcium after the unit change");
  // Corrected in the new unit, it counts.
  await calcium.fill("2.9");
  await assertFieldValid(calcium, "calcium 2.9 mmol/L");
  // The case as assessed (the printed summary) has it in the unit chosen.
  assert.match(await page.locator(".case-summary").evaluate((e) => e.textContent), /Calcium, total 2\.9 mmol\/L/);
  s.assertClean();
});

test("a decimal comma is refused with 'use a decimal point' (as documented), then a decimal point is accepted", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const page = s.page;
  await byLabel(page, "Height (cm)").fill("160");
  const weight = byLabel(page, "Weight (kg)");
  await weight.fill("88,5");
  await assertFieldError(weight, /use a decimal point, not a comma/, "weight 88,5");
  assert.equal(await weight.inputValue(), "88,5");
  assert.equal(await byLabel(page, "Height (cm)").inputValue(), "160");
  // No BMI from a weight that was not read.
  assert.doesNotMatch(await page.locator("#derived").innerText(), /kg\/m²/);
  await weight.fill("88.5");
  await assertFieldValid(weight, "weight 88.5");
  await page.locator("#derived").filter({ hasText: "34.6 kg/m²" }).waitFor({ timeout: 5000 });
  s.assertClean();
});

test("a value outside the plausible range is marked at its field, left out, and the rest still computes", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const page = s.page;
  await baseCase(page);
  const glanceBefore = await glance(page);
  const before = await formState(page);
  const cases = [
    ["Calcium, total", "lab-calcium_total", "50", /50 mg\/dL is outside the plausible range .* for Calcium, total; check the value and unit/],
    ["Age (years)", "f-age", "300", /age 300 years is outside the plausible range 0–120 years/],
    ["Weight (kg)", "f-weight", "-70", /weight -70 kg is outside the plausible range 2–400 kg/],
    ["Height (cm)", "f-height", "-170", /height -170 cm is outside the plausible range 40–250 cm/],
    ["Number of lesions", "f-lesions", "500", /lesion count 500 lesions is outside the plausible range 0–200/],
    ["Dialysis vintage (months)", "f-vintage", "-3", /dialysis vintage -3 months is outside the plausible range 0–720 months/],
    ["Platelet count", "lab-platelets", "-1", /-1 .* is outside the plausible range .* for Platelet count/],
  ];
  for (const [label, id, text, pattern] of cases) {
    const control = byLabel(page, label);
    assert.equal(await control.getAttribute("id"), id);
    await control.fill(text);
    await assertFieldError(control, pattern, `${label} ${text}`);
    assert.equal(await control.inputValue(), text);
    assertUnchangedExcept(before, await formState(page), [id]);
    assert.match(await page.getByTestId("ignored").innerText(), pattern);
    if (id === "f-vintage") {
      // Left out, so dialysis > 5 years is no longer known: only warfarin counts.
      await page.getByTestId("major-count").filter({ hasText: "Major: 1" }).waitFor({ timeout: 5000 });
    } else if (id === "lab-platelets") {
      assert.match(await page.locator('[data-test="platelets"]').innerText(), /To order/);
    } else {
      assert.equal(await glance(page), glanceBefore, `${label} ${text}: the rest is assessed as before`);
    }
    await control.fill(before[id]);
    await assertFieldValid(control, label);
  }
  // Negative weight and height together: both marked, no BMI.
  await byLabel(page, "Weight (kg)").fill("-70");
  await byLabel(page, "Height (cm)").fill("-170");
  await assertFieldError(byLabel(page, "Weight (kg)"), /weight -70 kg/, "weight");
  await assertFieldError(byLabel(page, "Height (cm)"), /height -170 cm/, "height");
  assert.doesNotMatch(await page.locator("#derived").innerText(), /BMI/);
  assert.equal(await glance(page), glanceBefore);
  s.assertClean();
});

test("an imported lab with an unknown unit, and a D-dimer without FEU/DDU: the message is at that lab, the rest is imported", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const page = s.page;
  const file = {
    format: "calciphylaxis-case/1",
    patient: { age_years: 70, sex: "male" },
    kidney: { ckd_stage: "G5D", dialysis: "hemodialysis", dialysis_vintage_months: 72 },
    findings: { warfarin: true, diabetes_mellitus: false },
    labs: {
      calcium_total: { value: 10, unit: "furlongs" },
      d_dimer: { value: 1.4, unit: "mg/L" },
      albumin: { value: 3.5, unit: "g/dL" },
      platelets: { value: 210, unit: "10^9/L" },
      pth_intact: { value: 420, unit: "pg/mL", reference_high: 0 },
      phosphate: { value: 5.1 }, // no unit at all
    },
  };
  await importFile(page, "units.json", JSON.stringify(file));
  await banner(page).filter({ hasText: "Imported units.json" }).waitFor({ timeout: 5000 });

  const calcium = byLabel(page, "Calcium, total");
  await assertFieldError(calcium, /unknown unit "furlongs" for Calcium, total; accepted: mg\/dL, mmol\/L/, "calcium in furlongs");
  assert.equal(await calcium.inputValue(), "10", "the value is imported as given");
  // The unit selector shows the unit the file gave, not a unit the value is not in.
  assert.equal(await byLabel(page, "Calcium, total unit").inputValue(), "furlongs");
  const dDimer = byLabel(page, "D-dimer");
  await assertFieldError(dDimer, /unknown unit "mg\/L" for D-dimer; accepted: mg\/L FEU, .*ng\/mL DDU/, "D-dimer without FEU/DDU");
  assert.equal(await dDimer.inputValue(), "1.4");
  assert.equal(await byLabel(page, "D-dimer unit").inputValue(), "mg/L");

  // A value without a unit is not given the form's default unit: "no unit" until one is chosen.
  const phosphate = byLabel(page, "Phosphate");
  await assertFieldError(phosphate, /no unit given; accepted: mg\/dL, mmol\/L/, "phosphate without a unit");
  assert.equal(await phosphate.inputValue(), "5.1");
  assert.equal(await byLabel(page, "Phosphate unit").inputValue(), "");
  assert.equal(await byLabel(page, "Phosphate unit").locator("option:checked").innerText(), "no unit");

  // A laboratory limit that cannot be right is reported at its lab too.
  const pth = byLabel(page, "Parathyroid hormone, intact");
  await assertFieldError(pth, /the laboratory's upper reference limit 0 pg\/mL is not plausible for Parathyroid hormone, intact; check it/, "PTH with an upper limit of 0");
  assert.equal(await pth.inputValue(), "420");

  // The rest of the file is in the form and assessed.
  assert.equal(await byLabel(page, "Age (years)").inputValue(), "70");
  assert.equal(await byLabel(page, "Sex").inputValue(), "male");
  assert.equal(await byLabel(page, "Albumin").inputValue(), "3.5");
  assert.equal(await byLabel(page, "Albumin").getAttribute("aria-invalid"), "false");
  assert.ok(await page.locator("#finding-diabetes_mellitus-no").isChecked());
  assert.equal(await page.getByTestId("major-count").innerText(), "Major: 2");
  assert.match(await page.locator('[data-test="platelets"]').innerText(), /Normal/);
  assert.match(await page.locator('[data-test="d_dimer"]').innerText(), /To order/);
  const ignored = await page.getByTestId("ignored").innerText();
  assert.match(ignored, /Calcium, total: unknown unit "furlongs"/);
  assert.match(ignored, /D-dimer: unknown unit "mg\/L"/);
  assert.match(ignored, /Parathyroid hormone, intact: the laboratory's upper reference limit/);
  // Named in words; the path is kept only for maintainers, in an attribute.
  assert.doesNotMatch(ignored, /labs\./);
  assert.equal(await page.getByTestId("ignored").locator('[data-field="labs.calcium_total"]').count(), 1);

  // Choosing the unit fixes it; the value typed is kept (no conversion from an unknown unit).
  await byLabel(page, "Calcium, total unit").selectOption("mg/dL");
  await assertFieldValid(calcium, "calcium in mg/dL");
  assert.equal(await calcium.inputValue(), "10");
  await byLabel(page, "D-dimer unit").selectOption("mg/L FEU");
  await assertFieldValid(dDimer, "D-dimer in mg/L FEU");
  assert.equal(await dDimer.inputValue(), "1.4");
  await page.locator('[data-test="d_dimer"]').filter({ hasText: "High" }).waitFor({ timeout: 5000 });
  await byLabel(page, "Phosphate unit").selectOption("mg/dL");
  await assertFieldValid(phosphate, "phosphate in mg/dL");
  assert.equal(await phosphate.inputValue(), "5.1", "nothing converted from no unit");
  s.assertClean();
});

test("a follow-up visit without a date, or with one that is not a real date, is marked at its date field; its values are kept", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const page = s.page;
  const file = {
    format: "calciphylaxis-case/1",
    kidney: { dialysis: "hemodialysis", dialysis_vintage_months: 72 },
    visits: [
      { date: "2024-02-30", pain_score: 8 },
      { date: "2024-03-01", pain_score: 3 },
    ],
  };
  await importFile(page, "visits.json", JSON.stringify(file));
  await banner(page).filter({ hasText: "Imported visits.json" }).waitFor({ timeout: 5000 });
  const first = page.locator("#visit-0-date");
  await assertFieldError(first, /"2024-02-30" is not a real calendar date in the form YYYY-MM-DD \(years 1900–2200\); the date is not used/, "30 February");
  // A date input cannot show an impossible date; the date as given stays in the visit's title and message.
  assert.match(await page.locator('[data-visit="0"] > legend').innerText(), /2024-02-30/);
  assert.equal(await page.locator("#visit-0-pain").inputValue(), "8");
  await assertFieldValid(page.locator("#visit-1-date"), "1 March");
  assert.equal(await page.getByTestId("major-count").innerText(), "Major: 1");

  await first.fill("2024-02-28");
  await assertFieldValid(first, "28 February");
  await page.locator('[data-testid=followup] tr[data-marker="pain_score"]').filter({ hasText: "2024-02-28" }).waitFor({ timeout: 5000 });

  // A visit added by hand has no date yet: said at its date field, and what is typed stays.
  await page.getByRole("button", { name: "Add visit" }).click();
  const added = page.locator("#visit-2-date");
  await assertFieldError(added, /no date: the visit cannot be placed in time/, "a new visit");
  await page.locator("#visit-2-pain").fill("2");
  await assertFieldError(added, /no date/, "a new visit with a pain score");
  await added.fill("2024-04-01");
  await assertFieldValid(added, "a new visit dated");
  assert.equal(await page.locator("#visit-2-pain").inputValue(), "2");
  assert.equal(await page.locator("#visit-0-pain").inputValue(), "8");
  s.assertClean();
});

test("a file that is not a case is refused in the banner; the current case, results and page stay as they were", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  const page = s.page;
  await baseCase(page);
  const before = await formState(page);
  const resultsBefore = await page.locator("#results").innerText();
  const MAX_CASE_BYTES = 1 << 20; // src/core/case.rs
  const oversize = JSON.stringify({ format: "calciphylaxis-case/1", label: "x".repeat(MAX_CASE_BYTES) });
  const files = [
    ["notes.json", "Patient seen on ward 7, calciphylaxis suspected.", /not valid JSON/],
    ["binary.json", Buffer.from([0xff, 0xfe, 0x00, 0x89, 0x50, 0x4e, 0x47]).toString("latin1"), /not valid JSON/],
    ["empty.json", "", /not valid JSON: the text ends early \(line \d+, column \d+\)/],
    ["truncated.json", '{ "format": "calciphylaxis-case/1", "patient": { "age_years": 6', /not valid JSON: the text ends early \(line \d+, column \d+\)/],
    ["list.json", '[{ "format": "calciphylaxis-case/1" }]', /a case file must be a JSON object, not a list/],
    ["number.json", "42", /a case file must be a JSON object, not a number/],
    ["string.json", '"calciphylaxis-case/1"', /a case file must be a JSON object, not text/],
    ["huge.json", oversize, new RegExp(`the file is ${oversize.length} bytes; a case file may be at most ${MAX_CASE_BYTES} bytes`)],
    ["nested.json", "[".repeat(100_000), /not valid JSON: nested too deeply \(line \d+, column \d+\)/],
    ["nested-objects.json", '{"a":'.repeat(50_000), /not valid JSON: nested too deeply \(line \d+, column \d+\)/],
  ];
  for (const [name, content, reason] of files) {
    await importFile(page, name, content);
    const message = banner(page).filter({ hasText: `Could not import ${name}:` });
    await message.waitFor({ timeout: 10_000 });
    const text = await message.innerText();
    assert.match(text, reason, name);
    assert.match(text, /The current case is unchanged\./, name);
    assert.match(await message.getAttribute("class"), /\berror\b/, `${name}: shown as an error`);
    assert.deepEqual(await formState(page), before, `${name}: the form is unchanged`);
    assert.equal(await page.locator("#results").innerText(), resultsBefore, `${name}: the results are unchanged`);
  }
  // Still responsive: an edit is assessed at once, and a good file still imports.
  await byLabel(page, "Dialysis vintage (months)").fill("12");
  await page.getByTestId("major-count").filter({ hasText: "Major: 1" }).waitFor({ timeout: 5000 });
  await importFile(page, "good.json", JSON.stringify({ format: "calciphylaxis-case/1", patient: { age_years: 61 } }));
  await banner(page).filter({ hasText: "Imported good.json." }).waitFor({ timeout: 5000 });
  assert.equal(await byLabel(page, "Age (years)").inputValue(), "61");
  s.assertClean();
});
