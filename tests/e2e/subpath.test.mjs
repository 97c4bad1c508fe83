// The release build as GitHub Pages serves it: under a sub-path (/calciphylaxis-calculator/),
// built once here with `trunk build --release --offline --public-url … --dist target/e2e-subpath`
// (dist/ is untouched). Checks: hashed asset names with Subresource Integrity under the
// prefix; the app renders and computes there, reloads included; the service worker makes
// it work with the network off; a new deployment is offered with a notice and then served
// whole (no mix of two builds), and the old cache is deleted.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHINESE_WORDS, ROOT, startSuite, trunkBuild } from "./harness.mjs";
import { finish, listFiles } from "../../scripts/sw-precache.mjs";

const PREFIX = "/calciphylaxis-calculator/";
const SUB = join(ROOT, "target", "e2e-subpath");
const TIMEOUT = 90_000;
let suite;
const tmpDirs = [];

before(async () => {
  rmSync(SUB, { recursive: true, force: true });
  await trunkBuild({ dist: SUB, publicUrl: PREFIX });
  suite = await startSuite({ dist: SUB, prefix: PREFIX });
}, { timeout: 400_000 });
after(async () => {
  await suite?.close();
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

async function open(t, options) {
  const s = await suite.newSession(t, options);
  await s.goto(PREFIX);
  await s.waitForApp("[data-testid=risk-summary]");
  return s;
}

/** Types a dialysis vintage and waits for the risk summary to change. */
async function typeVintage(page, value = "72") {
  const summary = page.getByTestId("risk-summary");
  const before = (await summary.innerText()).trim();
  const input = page.getByLabel("Dialysis vintage (months)", { exact: true });
  await input.fill("");
  await input.pressSequentially(value);
  await input.press("Tab");
  await page.waitForFunction(
    (prev) => document.querySelector("[data-testid=risk-summary]")?.innerText.trim() !== prev,
    before,
    { timeout: 10_000 },
  );
}

/** Waits until a service worker controls the page (the first install claims it). */
async function waitControlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 15_000 });
}

/** Every request the session made stayed under the prefix. */
function assertUnderPrefix(s) {
  for (const r of s.requests) {
    const url = r.split(" ")[1];
    if (/^(data|blob):/.test(url)) continue;
    const path = new URL(url).pathname;
    assert.ok(path.startsWith(PREFIX) || path === PREFIX.slice(0, -1), `request outside ${PREFIX}: ${r}`);
  }
}

test("the sub-path build: every asset under the prefix, hashed names, integrity on each", () => {
  const html = readFileSync(join(SUB, "index.html"), "utf8");
  const refs = [...html.matchAll(/\b(?:href|src)="([^"]+)"/g)].map((m) => m[1]).filter((u) => !u.startsWith("data:"));
  const imports = [...html.matchAll(/from '([^']+)'|module_or_path: '([^']+)'/g)].map((m) => m[1] || m[2]);
  for (const u of [...refs, ...imports]) {
    assert.ok(u.startsWith(PREFIX) || !u.startsWith("/"), `absolute URL outside ${PREFIX}: ${u}`);
  }
  const tags = [...html.matchAll(/<(?:link\b[^>]*\brel="(?:stylesheet|modulepreload|preload)"|script\b[^>]*\bsrc=)[^>]*>/g)].map((m) => m[0]);
  assert.ok(tags.length >= 5, `stylesheets, scripts and preloads: ${tags.join("\n")}`);
  for (const tag of tags) {
    assert.match(tag, /integrity="sha384-[A-Za-z0-9+/=]+"/, `no integrity: ${tag}`);
    assert.match(tag, new RegExp(`${PREFIX}[a-z-]+-[0-9a-f]{8,16}(_bg)?\\.(css|js|wasm)"`), `not a hashed name under the prefix: ${tag}`);
  }
  const files = listFiles(SUB);
  for (const f of ["sw.js", "manifest.webmanifest", "icons/icon.svg", "embed/index.html"]) assert.ok(files.includes(f), f);
  const manifest = JSON.parse(readFileSync(join(SUB, "manifest.webmanifest"), "utf8"));
  assert.equal(manifest.start_url, "./");
  for (const icon of manifest.icons) assert.ok(files.includes(icon.src), icon.src);
  const sw = readFileSync(join(SUB, "sw.js"), "utf8");
  for (const f of files.filter((f) => f !== "sw.js")) assert.ok(sw.includes(JSON.stringify(f)), `sw.js precaches ${f}`);
  assert.doesNotMatch(sw, /__SW_(VERSION|PRECACHE)__/);
});

test("the Chinese page under the sub-path: same assets, a Chinese browser sent to it, and it works offline", { timeout: TIMEOUT }, async (t) => {
  const en = readFileSync(join(SUB, "index.html"), "utf8");
  const zh = readFileSync(join(SUB, "zh", "index.html"), "utf8");
  const assets = (html) => [...html.matchAll(/\b(?:href|src)="(\/[^"]+)"/g)].map((m) => m[1]).sort();
  // The same assets, and the Chinese words preloaded (the app's wasm carries English only).
  const words = assets(zh).filter((u) => CHINESE_WORDS.test(u));
  assert.equal(words.length, 1, assets(zh).join(" "));
  assert.ok(listFiles(SUB).includes(words[0].slice(PREFIX.length)), `${words[0]} is in the build`);
  assert.deepEqual(assets(zh).filter((u) => u !== words[0]), assets(en), "the same absolute asset URLs");
  assert.ok(!en.includes(words[0]), "the English page does not preload the Chinese words");
  assert.ok(assets(zh).every((u) => u.startsWith(PREFIX)), assets(zh).join(" "));
  assert.match(zh, /<link rel="manifest" href="\.\.\/manifest\.webmanifest" \/>/);
  assert.match(zh, /<link rel="alternate" hreflang="en" href="\.\.\/" \/>/);
  const s = await suite.newSession(t, { serviceWorkers: "allow", locale: "zh-CN" });
  await s.goto(PREFIX);
  await s.page.waitForURL(new RegExp(`${PREFIX}zh/$`));
  await s.waitForApp("[data-testid=risk-summary]");
  assert.equal((await s.page.locator("h1").textContent()).trim(), "钙化防御计算器");
  await waitControlled(s.page);
  const served = suite.server.requests.length;
  await s.context.setOffline(true);
  try {
    // Both pages come from the cache: the English one redirects to the Chinese one again.
    await s.page.goto(s.origin + PREFIX);
    await s.page.waitForURL(new RegExp(`${PREFIX}zh/$`));
    await s.waitForApp("[data-testid=risk-summary]");
    assert.equal((await s.page.locator("h1").textContent()).trim(), "钙化防御计算器");
  } finally {
    await s.context.setOffline(false);
  }
  assert.equal(suite.server.requests.length, served, `the server was reached while offline: ${suite.server.requests.slice(served)}`);
  assertUnderPrefix(s);
  s.assertClean();
});

test("under the sub-path the app renders, computes, and survives a reload", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t);
  await typeVintage(s.page, "72");
  await s.page.reload();
  await s.waitForApp("[data-testid=risk-summary]");
  await typeVintage(s.page, "30");
  // The sub-path without its final slash redirects to it, as on GitHub Pages.
  await s.page.goto(s.origin + PREFIX.slice(0, -1));
  await s.waitForApp("[data-testid=risk-summary]");
  assert.equal(new URL(s.page.url()).pathname, PREFIX);
  assert.ok(s.requests.some((r) => r.endsWith(".wasm")));
  assertUnderPrefix(s);
  s.assertClean();
});

test("offline: after one visit the app loads and computes with the network off", { timeout: TIMEOUT }, async (t) => {
  const s = await open(t, { serviceWorkers: "allow" });
  await waitControlled(s.page);
  const cached = await s.page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys[0]);
    return { keys, n: (await cache.keys()).length };
  });
  assert.equal(cached.keys.length, 1, `one cache: ${cached.keys}`);
  assert.match(cached.keys[0], /^calciphylaxis-[0-9a-f]{16}$/);
  const served = suite.server.requests.length;
  await s.context.setOffline(true);
  try {
    await s.page.reload();
    await s.waitForApp("[data-testid=risk-summary]");
    await typeVintage(s.page, "72");
    assert.equal(await s.page.evaluate(() => navigator.onLine), false);
  } finally {
    await s.context.setOffline(false);
  }
  assert.equal(suite.server.requests.length, served, `the server was reached while offline: ${suite.server.requests.slice(served)}`);
  assertUnderPrefix(s);
  s.assertClean();
});

test("a new deployment: the notice appears, Reload switches to the whole new build, old cache deleted", { timeout: TIMEOUT }, async (t) => {
  // Build B = build A with one changed file, finished by the same post_build script.
  const b = mkdtempSync(join(tmpdir(), "calciphylaxis-build-b-"));
  tmpDirs.push(b);
  cpSync(SUB, b, { recursive: true });
  const indexB = readFileSync(join(b, "index.html"), "utf8").replace("<head>", '<head>\n    <meta name="e2e-build" content="B" />');
  writeFileSync(join(b, "index.html"), indexB);
  const { version: versionB } = finish(b);
  const versionA = readFileSync(join(SUB, "sw.js"), "utf8").match(/const VERSION = "([0-9a-f]+)"/)[1];
  assert.notEqual(versionB, versionA);

  const s = await open(t, { serviceWorkers: "allow" });
  try {
    await waitControlled(s.page);
    suite.server.setRoot(b);
    await s.page.reload();
    await s.waitForApp("[data-testid=risk-summary]");
    // Until the user reloads, the page is build A's, whole.
    assert.equal(await s.page.locator('meta[name="e2e-build"]').count(), 0);
    const notice = s.page.getByTestId("sw-update");
    await notice.waitFor({ timeout: 20_000 });
    assert.match(await notice.innerText(), /new version/i);
    await notice.getByRole("button", { name: "Reload" }).click();
    await s.page.waitForFunction(() => !!document.querySelector('meta[name="e2e-build"]'), null, { timeout: 20_000 }).catch(async () => {
      // The reload may replace the document while waiting: look again once it has loaded.
      await s.page.waitForLoadState("load");
      await s.page.waitForSelector('meta[name="e2e-build"]', { state: "attached", timeout: 10_000 });
    });
    await s.waitForApp("[data-testid=risk-summary]");
    await typeVintage(s.page, "72");
    const keys = await s.page.evaluate(() => caches.keys());
    assert.deepEqual(keys, [`calciphylaxis-${versionB}`], "only the new build's cache is left");
    assert.equal(await s.page.getByTestId("sw-update").count(), 0, "no notice after the update");
    assertUnderPrefix(s);
    s.assertClean();
  } finally {
    suite.server.setRoot(SUB);
  }
});
