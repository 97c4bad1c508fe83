// What a person reads holds no id: for every example case, a case with follow-up visits, a
// file with bad fields, the teaching view and the printed report, in English and in
// Chinese, no snake_case id and no raw field path is on screen (every "Why?" opened), and
// a form error in Chinese is written in Chinese. Keys of the user's own file may be named
// when quoted ("my_own_key"), as the app does for an unknown key.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, startSuite, byLabel } from "./harness.mjs";

const TIMEOUT = 240_000;
let suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

const LANGS = {
  en: { language: "Language / 语言", example: "Load an example case", teaching: "Teaching cases", calculator: "Calculator" },
  zh: { language: "语言 / Language", example: "载入示例病例", teaching: "教学病例", calculator: "计算器" },
};

const SNAKE_ID = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;
const FIELD_PATH = /\b(?:patient|kidney|labs|findings|lesions|therapies_tried|visits)(?:\[\d+\])?\.[a-z_]+/g;
const CJK = /[\u4e00-\u9fff]/;

// The ids and paths in a text, outside "quoted" names of the user's own file and the names
// of the files the user imported (shown in the banner).
function idsIn(text) {
  const unquoted = text.replace(/"[^"\n]*"|“[^”\n]*”/g, '""').replace(/[\w.-]+\.json\b/g, "file");
  return [...new Set([...(unquoted.match(SNAKE_ID) ?? []), ...(unquoted.match(FIELD_PATH) ?? [])])];
}

test("the id finder sees ids and paths, but not quoted keys or file names", () => {
  assert.deepEqual(idsIn("pain_score, labs.albumin and visits[2].pain_score"), ["pain_score", "labs.albumin", "visits[2].pain_score"]);
  assert.deepEqual(idsIn('unknown field "my_own_key"; loaded from follow-up-visits.json'), []);
  assert.deepEqual(idsIn("Visit 3 · Pain score; 第 3 次随访 · 疼痛评分"), []);
});

async function screenText(page) {
  // Open every "Why?" and context: their bodies render only while open.
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
  await page.waitForTimeout(150);
  return page.evaluate(() => document.body.innerText);
}

// The "Why?" bodies really are on screen once opened (so their bases are read above).
async function assertBasesShown(page, where) {
  const bodies = await page.evaluate(() => [...document.querySelectorAll("details.why[open]")].filter((d) => d.innerText.length > 40).length);
  assert.ok(bodies >= 20, `${where}: only ${bodies} opened "Why?" bodies have text`);
}

async function assertNoIds(page, where) {
  const found = idsIn(await screenText(page));
  assert.deepEqual(found, [], `${where}: ids or field paths on screen: ${found.join(", ")}`);
}

const BAD_FIELDS = {
  format: "calciphylaxis-case/1",
  my_own_key: 1,
  patient: { sex: "other", age_years: "old" },
  kidney: { ckd_stage: "G9", dialysis: "weekly" },
  findings: { warfarin: "yes", not_a_finding: true },
  labs: { calcium_total: { value: 9, unit: "furlongs" }, albumin: { value: 3.1, unit: "g/dL", date: "2023-02-31" } },
  lesions: { sites: ["thigh", "elbow_pit"] },
  therapies_tried: { sodium_thiosulfate: { weeks: "six", response: "great" } },
  visits: [{ date: "2024-01-05", pain_score: 14 }, { date: "2024-02-30", wound_area_cm2: 3 }],
};

async function importFile(page, path) {
  await page.locator("#import-file").setInputFiles(path);
  await page.waitForTimeout(300);
}

for (const [lang, words] of Object.entries(LANGS)) {
  test(`no id or field path on screen in ${lang}: examples, visits, bad fields, teaching, print`, { timeout: TIMEOUT }, async (t) => {
    const s = await suite.newSession(t);
    await s.goto("/");
    await s.waitForApp("[data-testid=risk-summary]");
    const page = s.page;
    if (lang === "zh") await byLabel(page, LANGS.en.language).selectOption("zh");
    await assertNoIds(page, "the empty case");

    const examples = await byLabel(page, words.example).locator("option").count();
    assert.ok(examples >= 7, `${examples} options in the example list`);
    for (let index = 1; index < examples; index++) {
      await byLabel(page, words.example).selectOption({ index });
      await page.waitForTimeout(100);
      await assertNoIds(page, `example ${index}`);
      await assertBasesShown(page, `example ${index}`);
    }

    await importFile(page, join(ROOT, "tests", "cases", "follow-up-visits.json"));
    await assertNoIds(page, "the case with follow-up visits");

    const dir = mkdtempSync(join(tmpdir(), "visible-text-"));
    const bad = join(dir, "bad-fields.json");
    writeFileSync(bad, JSON.stringify(BAD_FIELDS));
    await importFile(page, bad);
    await assertNoIds(page, "the file with bad fields");
    assert.match(await page.locator("body").innerText(), /"my_own_key"/, "the unknown key is named, quoted");

    await page.emulateMedia({ media: "print" });
    await assertNoIds(page, "the printed report");
    await page.emulateMedia({ media: "screen" });

    await page.getByRole("button", { name: words.teaching, exact: true }).click();
    await page.getByTestId("teaching").waitFor({ timeout: 5000 });
    await assertNoIds(page, "the teaching library");
    await page.getByTestId("teaching").getByRole("button").first().click();
    await page.waitForTimeout(150);
    await assertNoIds(page, "a teaching case");
    s.assertClean();
  });
}

test("a form error in Chinese is written in Chinese, next to its field", { timeout: 60_000 }, async (t) => {
  const s = await suite.newSession(t);
  await s.goto("/");
  await s.waitForApp("[data-testid=risk-summary]");
  const page = s.page;
  await byLabel(page, LANGS.en.language).selectOption("zh");
  const albumin = byLabel(page, "白蛋白");
  await albumin.fill("abc");
  await page.waitForTimeout(150);
  assert.equal(await albumin.getAttribute("aria-invalid"), "true");
  const messageId = await albumin.getAttribute("aria-describedby");
  const message = await page.locator(`[id="${messageId.split(" ").pop()}"]`).innerText();
  assert.match(message, CJK, message);
  assert.doesNotMatch(message.replace(/"[^"]*"/g, ""), /[A-Za-z]{3,}/, `English in the Chinese message: ${message}`);
  assert.equal(await albumin.inputValue(), "abc", "the text stays as typed");
  s.assertClean();
});
