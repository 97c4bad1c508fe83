// Share as link: the dialog warns and offers to remove free text; the link opens the case
// in a fresh browser and leaves the address bar clean; a tampered link gives an error
// banner and an empty case; no request leaves the origin or carries the fragment.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, startSuite, byLabel } from "./harness.mjs";

const TIMEOUT = 90_000;
let suite;

before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});


async function open(t, path = "/", options = {}) {
  const s = await suite.newSession(t, { acceptDownloads: true, ...options });
  const fragments = [];
  s.context.on("request", (req) => {
    if (req.url().includes("#") || req.url().includes("case=")) fragments.push(req.url());
  });
  s.fragments = fragments;
  await s.goto(path);
  await s.waitForApp("[data-testid=risk-summary]");
  return s;
}

// The form has no field for the label or visit notes: a case carrying both is imported.
const EXAMPLE = JSON.parse(readFileSync(join(ROOT, "examples/cases/excluded-active-malignancy.json"), "utf8"));
const WITH_FREE_TEXT = {
  ...EXAMPLE,
  label: "Bed 12, Mrs X",
  visits: [{ date: "2024-03-01", pain_score: 7, note: "seen by Dr Wang" }],
};

async function importCase(page, json = WITH_FREE_TEXT) {
  const buffer = Buffer.from(JSON.stringify(json));
  await page.locator("#import-file").setInputFiles({ name: "case.json", mimeType: "application/json", buffer });
  await page.getByTestId("banner").filter({ hasText: "Imported case.json" }).waitFor({ timeout: 5000 });
}

/** The case as the app exports it. */
async function exported(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export case (JSON)" }).click()]);
  const file = join(mkdtempSync(join(tmpdir(), "calci-share-")), "case.json");
  await download.saveAs(file);
  return JSON.parse(readFileSync(file, "utf8"));
}

/** Imports the case with free text and returns the share link. */
async function shareLink(page, { strip = true } = {}) {
  await importCase(page);
  await page.getByRole("button", { name: "Share as link" }).click();
  const dialog = page.getByRole("dialog", { name: "Share this case as a link" });
  await dialog.waitFor({ timeout: 5000 });
  assert.match(await dialog.innerText(), /anyone who has the link can see it/);
  assert.match(await dialog.innerText(), /not send it to any server/);
  const checkbox = dialog.getByLabel("Remove identifying free text", { exact: true });
  assert.equal(await checkbox.isChecked(), true, "free text is removed by default");
  if (!strip) await checkbox.uncheck();
  const field = dialog.getByLabel("Link to this case", { exact: true });
  assert.equal(await field.evaluate((el) => el.readOnly), true);
  const link = await field.inputValue();
  assert.match(link, new RegExp(`^${suite.origin}/#case=1\\.[A-Za-z0-9_-]+$`));
  return { link, dialog };
}

function assertNoFragmentSent(s) {
  assert.deepEqual(s.fragments, [], `requests carried the fragment:\n${s.fragments.join("\n")}`);
  for (const line of suite.server.requests) assert.ok(!line.includes("case="), `the server saw ${line}`);
}

test("a shared link opens the case in a fresh browser and leaves the address bar clean", { timeout: TIMEOUT }, async (t) => {
  const a = await open(t);
  const { link, dialog } = await shareLink(a.page);
  console.log(`link for the imported case: ${link.length} characters`);
  assert.ok(link.length < 2000, `${link.length}`);
  // Copy: the clipboard, or the text selected for copying by hand.
  await dialog.getByRole("button", { name: "Copy" }).click();
  await dialog.getByRole("status").filter({ hasText: /Copied|selected/ }).waitFor({ timeout: 5000 });
  // Escape closes the dialog and focus returns to the button.
  await a.page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached", timeout: 5000 });
  assert.equal(await a.page.evaluate(() => document.activeElement?.textContent), "Share as link");
  a.assertClean();
  assertNoFragmentSent(a);

  const b = await open(t, link.slice(suite.origin.length));
  const page = b.page;
  await page.getByTestId("banner").filter({ hasText: "Case loaded from the link." }).waitFor({ timeout: 5000 });
  assert.equal(await byLabel(page, "Age (years)").inputValue(), "61");
  assert.equal(await page.getByTestId("msc-status").innerText(), "Not eligible");
  // Removed by default: the label and the visit's note; the visit itself travels.
  const back = await exported(page);
  assert.equal(back.label, undefined);
  assert.deepEqual(back.visits, [{ date: "2024-03-01", pain_score: 7 }]);
  assert.equal(back.patient.age_years, 61);
  assert.equal(await page.evaluate(() => location.hash), "");
  assert.equal(page.url(), `${suite.origin}/`);
  // A reload does not import again.
  await page.reload();
  await b.waitForApp("[data-testid=risk-summary]");
  await page.getByTestId("empty-state").waitFor({ timeout: 5000 });
  assert.equal(await page.getByTestId("banner").count(), 0);
  b.assertClean();
  assertNoFragmentSent(b);
});

test("with free text kept, the label travels; removing it takes it out of the link", { timeout: TIMEOUT }, async (t) => {
  const a = await open(t);
  const kept = await shareLink(a.page, { strip: false });
  const b = await open(t, kept.link.slice(suite.origin.length));
  await b.page.getByTestId("banner").filter({ hasText: "Case loaded from the link." }).waitFor({ timeout: 5000 });
  const full = await exported(b.page);
  assert.equal(full.label, "Bed 12, Mrs X");
  assert.equal(full.visits[0].note, "seen by Dr Wang");

  // Ticking the box again changes the link shown.
  await kept.dialog.getByLabel("Remove identifying free text", { exact: true }).check();
  const stripped = await kept.dialog.getByLabel("Link to this case", { exact: true }).inputValue();
  assert.notEqual(stripped, kept.link);
  const c = await open(t, stripped.slice(suite.origin.length));
  await c.page.getByTestId("banner").filter({ hasText: "Case loaded from the link." }).waitFor({ timeout: 5000 });
  const strippedCase = await exported(c.page);
  assert.equal(strippedCase.label, undefined);
  assert.equal(strippedCase.visits[0].note, undefined);
  assert.equal(await byLabel(c.page, "Age (years)").inputValue(), "61");
  for (const s of [a, b, c]) {
    s.assertClean();
    assertNoFragmentSent(s);
  }
});

test("a tampered link gives an error banner and an empty case, even over a remembered case", { timeout: TIMEOUT }, async (t) => {
  const a = await open(t);
  const { link } = await shareLink(a.page);
  const at = link.indexOf("1.") + 12;
  const flip = (c) => (c === "A" ? "B" : "A");
  const tampered = link.slice(0, at) + flip(link[at]) + flip(link[at + 1]) + link.slice(at + 2);
  assert.notEqual(tampered, link);

  // Remember a case on this device first: the link still wins, and it is not half-read.
  const b = await open(t);
  await byLabel(b.page, "Load an example case").selectOption({ index: 1 });
  await b.page.getByLabel("Remember on this device").check();
  await b.page.waitForTimeout(200);
  // A new document (from the same page, only the fragment would change: no reload).
  await b.page.goto("about:blank");
  await b.page.goto(tampered);
  await b.waitForApp("[data-testid=risk-summary]");
  const banner = b.page.getByTestId("banner");
  await banner.filter({ hasText: "The case in this link could not be read" }).waitFor({ timeout: 5000 });
  assert.match(await banner.getAttribute("class"), /error/);
  assert.match(await banner.innerText(), /An empty case is open instead/);
  await b.page.getByTestId("empty-state").waitFor({ timeout: 5000 });
  assert.equal(await byLabel(b.page, "Age (years)").inputValue(), "");
  assert.equal(await b.page.evaluate(() => location.hash), "");

  // Not base64url at all, and another version: refused the same way.
  for (const bad of ["#case=1.%%%", "#case=9.eJwDAAAAAAE"]) {
    const c = await open(t, `/${bad}`);
    await c.page.getByTestId("banner").filter({ hasText: "could not be read" }).waitFor({ timeout: 5000 });
    await c.page.getByTestId("empty-state").waitFor({ timeout: 5000 });
    c.assertClean();
    assertNoFragmentSent(c);
  }
  a.assertClean();
  b.assertClean();
  assertNoFragmentSent(b);
});

test("a link opened in a tab already running the app loads its case (Undo gives the old one back); a bad one keeps the case", { timeout: TIMEOUT }, async (t) => {
  const a = await open(t);
  const { link } = await shareLink(a.page);
  const b = await open(t);
  const { page } = b;
  const age = byLabel(page, "Age (years)");
  await age.fill("45");
  // Same document: only the fragment changes (no reload), as when a link is pasted into the tab.
  await page.evaluate((hash) => { location.hash = hash; }, link.slice(link.indexOf("#")));
  await page.getByTestId("banner").filter({ hasText: "Case loaded from the link." }).waitFor({ timeout: 5000 });
  assert.equal(await age.inputValue(), "61");
  assert.equal(await page.evaluate(() => location.hash), "");
  await page.getByTestId("undo").getByRole("button", { name: "Undo" }).click();
  assert.equal(await age.inputValue(), "45");

  await page.evaluate(() => { location.hash = "#case=1.%%%"; });
  const banner = page.getByTestId("banner").filter({ hasText: "The case in this link could not be read" });
  await banner.waitFor({ timeout: 5000 });
  assert.match(await banner.innerText(), /The current case is unchanged/);
  assert.equal(await age.inputValue(), "45");
  assert.equal(await page.evaluate(() => location.hash), "");
  for (const s of [a, b]) {
    s.assertClean();
    assertNoFragmentSent(s);
  }
});

test("the dialog in Chinese, and the Close button", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  await byLabel(s.page, "Language / 语言").selectOption("zh");
  await s.page.getByRole("button", { name: "以链接分享" }).click();
  const dialog = s.page.getByRole("dialog", { name: "以链接分享此病例" });
  await dialog.waitFor({ timeout: 5000 });
  assert.match(await dialog.innerText(), /任何拿到链接的人都能看到/);
  assert.equal(await dialog.getByLabel("移除可识别身份的自由文本").isChecked(), true);
  await dialog.getByRole("button", { name: "关闭" }).click();
  await dialog.waitFor({ state: "detached", timeout: 5000 });
  s.assertClean();
});
