// Copy for chart note: the dialog previews the note exactly as it is copied (today's date,
// the inputs, the factors not recorded named, never the case label, lines within 100
// columns); Copy puts that text on the clipboard; when the browser refuses the clipboard,
// the note is selected for copying by hand and the dialog says so. In Chinese too.
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

// The warfarin example, with a label holding a name: the note must leave it out.
const EXAMPLE = JSON.parse(readFileSync(join(ROOT, "examples/cases/warfarin-low-protein-c-s.json"), "utf8"));
const NAMED = { ...EXAMPLE, label: "Mrs Qian Lanying, bed 12" };

async function open(t, options = {}) {
  const s = await suite.newSession(t, options);
  await s.goto("/");
  await s.waitForApp("[data-testid=risk-summary]");
  const buffer = Buffer.from(JSON.stringify(NAMED));
  await s.page.locator("#import-file").setInputFiles({ name: "case.json", mimeType: "application/json", buffer });
  await s.page.getByTestId("banner").filter({ hasText: "case.json" }).waitFor({ timeout: 5000 });
  return s;
}

/** Opens the dialog with the button named `button`; returns it and the note it shows. */
async function preview(page, button, title) {
  await page.getByRole("button", { name: button }).click();
  const dialog = page.getByRole("dialog", { name: title });
  await dialog.waitFor({ timeout: 5000 });
  const field = dialog.getByTestId("note-text");
  assert.equal(await field.evaluate((el) => el.readOnly), true);
  return { dialog, field, note: await field.inputValue() };
}

/** The device's date, as the note writes it. */
async function today(page) {
  return page.evaluate(() => {
    const d = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });
}

function assertFits(note) {
  // ASCII in English, so a character is a column.
  for (const line of note.split("\n")) assert.ok(line.length <= 100, `${line.length} columns: ${line}`);
}

test("the preview shows the note and Copy puts exactly it on the clipboard", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t, { permissions: ["clipboard-read", "clipboard-write"] });
  const { page } = s;
  const { dialog, note } = await preview(page, "Copy for chart note", "Copy for a chart note");
  assert.match(note, /^Calciphylaxis calculator: chart note\n/);
  assert.ok(note.includes(`Date: ${await today(page)}`), note.slice(0, 200));
  assert.match(note, /App version \d+\.\d+\.\d+; knowledge base \d{4}-\d{2}/);
  assert.match(note, /- Albumin 31 g\/L/);
  assert.match(note, /Long-term warfarin \(vitamin K antagonist\) \[major\]: recorded/);
  assert.match(note, /Not recorded or undecided \(14\), unknown, not absent:\n- High-dose calcium-based/);
  assert.match(note, /- Active vitamin D above 0\.5 mcg\/day \[major\]: not recorded/);
  assert.match(note, /Uninterpretable in this patient now \(3\):\n- Protein C activity: 42 %/);
  assert.match(note, /Status: Not eligible:/);
  assert.match(note, /Decision support for clinicians/);
  assert.ok(!/Qian|Lanying|bed 12/.test(note), "the case label is in the note");
  assert.ok(!/[^\x00-\x7f]/.test(note), "a non-ASCII character in the English note");
  assertFits(note);

  await dialog.getByRole("button", { name: "Copy", exact: true }).click();
  await dialog.getByRole("status").filter({ hasText: "Copied to the clipboard." }).waitFor({ timeout: 5000 });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), note);
  // Escape closes the dialog and focus returns to the button.
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached", timeout: 5000 });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Copy for chart note");
  s.assertClean();
});

test("when the clipboard is refused, the note is selected for copying by hand and the dialog says so", { timeout: TIMEOUT }, async (t) => {
  const s = await suite.newSession(t);
  // The browser refuses: writeText rejects, as it does without the permission.
  await s.context.addInitScript(() => {
    Object.defineProperty(navigator.clipboard, "writeText", {
      value: () => Promise.reject(new DOMException("refused", "NotAllowedError")),
    });
  });
  await s.goto("/");
  await s.waitForApp("[data-testid=risk-summary]");
  const buffer = Buffer.from(JSON.stringify(NAMED));
  await s.page.locator("#import-file").setInputFiles({ name: "case.json", mimeType: "application/json", buffer });
  await s.page.getByTestId("banner").filter({ hasText: "case.json" }).waitFor({ timeout: 5000 });
  const { dialog, field, note } = await preview(s.page, "Copy for chart note", "Copy for a chart note");
  await dialog.getByRole("button", { name: "Copy", exact: true }).click();
  await dialog.getByRole("status").filter({ hasText: "The note is selected: copy it with Ctrl+C" }).waitFor({ timeout: 5000 });
  const selection = await field.evaluate((el) => ({
    focused: document.activeElement === el,
    start: el.selectionStart,
    end: el.selectionEnd,
    length: el.value.length,
  }));
  assert.deepEqual(selection, { focused: true, start: 0, end: note.length, length: note.length });
  s.assertClean();
});

test("in Chinese the note is in Chinese, fits in 100 columns with a character counted 2, and has ASCII units", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t, { locale: "zh-CN", permissions: ["clipboard-read", "clipboard-write"] });
  const { page } = s;
  const { dialog, note } = await preview(page, "复制为病程记录", "复制为病程记录");
  assert.match(note, /^钙化防御计算器：病程记录\n日期：\d{4}-\d{2}-\d{2}\n/);
  assert.match(note, /未记录或无法判断（14 项），属未知，不等于不存在：/);
  assert.match(note, /活性维生素D超过 0\.5 mcg\/天/);
  assert.ok(!/Qian|Lanying|bed 12/.test(note), "the case label is in the note");
  assert.ok(!/[µμ≥≤²×]/.test(note), "a non-ASCII unit or symbol in the note");
  const width = (line) => [...line].reduce((n, c) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0);
  for (const line of note.split("\n")) assert.ok(width(line) <= 100, `${width(line)} columns: ${line}`);
  await dialog.getByRole("button", { name: "复制", exact: true }).click();
  await dialog.getByRole("status").filter({ hasText: "已复制到剪贴板。" }).waitFor({ timeout: 5000 });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), note);
  s.assertClean();
});
