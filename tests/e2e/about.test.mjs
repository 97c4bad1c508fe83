// The static about pages (about/index.html, about/zh.html; written at build time by
// src/bin/site-pages.rs): they load from dist/ with nothing requested elsewhere, no console
// or CSP error and no horizontal scroll at 390 px; axe finds nothing; the header's link
// reaches the page in the app's language, the pages link to each other and back; the
// service worker precaches them for offline use.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, ROOT, startSuite, byLabel } from "./harness.mjs";
import { listFiles } from "../../scripts/sw-precache.mjs";

const TIMEOUT = 90_000;
const PAGES = [
  { path: "about/index.html", lang: "en", title: "About the calculator: intended use and limits", link: "About: intended use and limits" },
  { path: "about/zh.html", lang: "zh-Hans", title: "关于本计算器：预期用途与局限", link: "关于：用途与局限" },
];
let suite;

before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

/** Every request the session made is a GET of a file of dist/ (or one of the app's two pages, / and zh/). */
function assertOwnFiles(s) {
  const files = new Set(["/", "/zh/", ...listFiles(DIST).map((f) => `/${f}`)]);
  for (const r of s.requests) {
    const [method, url] = r.split(" ");
    if (/^(data|blob):/.test(url)) continue;
    assert.equal(method, "GET", r);
    assert.ok(files.has(new URL(url).pathname), `not a file of dist/: ${r}`);
  }
}

test("the service worker precaches both pages and their stylesheet", () => {
  const sw = readFileSync(join(DIST, "sw.js"), "utf8");
  for (const f of ["about/index.html", "about/zh.html", "about/about.css"]) {
    assert.ok(existsSync(join(DIST, f)), `${f} is not in dist/`);
    assert.ok(sw.includes(`"${f}"`), `${f} is not in sw.js's precache list`);
  }
});

for (const p of PAGES) {
  test(`${p.path}: loads clean at 390 px, in its language, styled, no request elsewhere`, { timeout: TIMEOUT }, async (t) => {
    const s = await suite.newSession(t, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await s.goto(`/${p.path}`);
    const page = s.page;
    assert.equal(await page.getAttribute("html", "lang"), p.lang);
    assert.equal((await page.locator("h1").textContent()).trim(), p.title);
    // Both stylesheets applied: the app's colours (its custom property) and the page's layout.
    const styled = await page.evaluate(() => ({
      sheets: document.styleSheets.length,
      accent: getComputedStyle(document.documentElement).getPropertyValue("--accent").trim(),
      maxWidth: getComputedStyle(document.querySelector("main.about")).maxWidth,
    }));
    assert.ok(styled.sheets >= 2 && styled.accent !== "" && styled.maxWidth !== "none", JSON.stringify(styled));
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scroll <= inner, `horizontal scroll: scrollWidth ${scroll} > ${inner}`);
    assert.equal(await page.locator("script").count(), 0, "the page runs no script");
    await s.screenshot(`about-${p.lang}-390`);
    s.assertClean();
    assertOwnFiles(s);
  });

  test(`${p.path}: axe-core finds no accessibility violations`, { timeout: TIMEOUT }, async (t) => {
    // axe is injected as a script, which the page's CSP rightly forbids: bypass it here only.
    const s = await suite.newSession(t, { bypassCSP: true });
    await s.goto(`/${p.path}`);
    await s.page.addScriptTag({ path: join(ROOT, "node_modules", "axe-core", "axe.min.js") });
    const violations = await s.page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
      return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
    });
    assert.deepEqual(violations, [], violations.join("\n"));
  });
}

test("the header's link opens the page in the app's language; the pages link to each other and back", { timeout: TIMEOUT }, async (t) => {
  const s = await suite.newSession(t);
  const page = s.page;
  await s.goto("/");
  await s.waitForApp("[data-testid=risk-summary]");
  await page.getByRole("link", { name: PAGES[0].link, exact: true }).click();
  await page.waitForURL(`**/${PAGES[0].path}`);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  // To the Chinese page by its own language link, and back to the calculator.
  await page.getByRole("link", { name: "简体中文", exact: true }).click();
  await page.waitForURL(`**/${PAGES[1].path}`);
  assert.equal((await page.locator("h1").textContent()).trim(), PAGES[1].title);
  // Back goes to the calculator in Chinese (its own page, zh/), whose header links to the
  // Chinese page again (one directory up: ../about/zh.html).
  await page.getByRole("link", { name: /返回计算器/ }).click();
  await s.waitForApp("[data-testid=risk-summary]");
  assert.equal(new URL(page.url()).pathname, "/zh/");
  await page.getByRole("link", { name: PAGES[1].link, exact: true }).click();
  await page.waitForURL(`**/${PAGES[1].path}`);
  assert.equal(await page.getAttribute("html", "lang"), "zh-Hans");
  // In English from a Chinese app: the switch puts the English address in place, and the
  // header links to the English page.
  await page.goBack();
  await s.waitForApp("[data-testid=risk-summary]");
  await byLabel(page, "语言 / Language").selectOption("en");
  await page.waitForURL((url) => url.pathname === "/");
  await page.getByRole("link", { name: PAGES[0].link, exact: true }).click();
  await page.waitForURL(`**/${PAGES[0].path}`);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  s.assertClean();
  assertOwnFiles(s);
});
