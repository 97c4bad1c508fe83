// Provably private: one whole session (fill fields, load an example, export, import a
// case, a FHIR export and a pasted printout, print to PDF, switch language, service worker
// allowed) makes no request but GETs of the
// app's own static files: every path requested is a file of dist/ (or the page itself),
// no query string, no request body, nothing to another origin. Checked twice: by the
// browser's record of every request, and by the server's log of what reached it.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, ROOT, startSuite, byLabel } from "./harness.mjs";
import { listFiles } from "../../scripts/sw-precache.mjs";

let suite;

before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});


test("a whole session requests only the app's own files, by GET, without query or body", { timeout: 120_000 }, async (t) => {
  // Each page also by its directory address (zh/ for zh/index.html: the service worker
  // precaches the pages so, scripts/sw-precache.mjs).
  const files = listFiles(DIST);
  const pages = files.filter((f) => f.endsWith("/index.html")).map((f) => `/${f.slice(0, -"index.html".length)}`);
  const allowed = new Set(["/", ...pages, ...files.map((f) => `/${f}`)]);
  const served = suite.server.requests.length;
  const s = await suite.newSession(t, { serviceWorkers: "allow", acceptDownloads: true });
  const details = [];
  s.context.on("request", (req) => {
    details.push({ method: req.method(), url: req.url(), body: req.postData(), sw: !!req.serviceWorker() });
  });
  const page = s.page;
  await s.goto("/");
  await s.waitForApp("[data-testid=risk-summary]");
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

  // Fill fields.
  await byLabel(page, "Age (years)").fill("67");
  await byLabel(page, "Dialysis vintage (months)").fill("48");
  await byLabel(page, "Calcium, total").fill("10.8");
  // Load an example, export it, import it back.
  await byLabel(page, "Load an example case").selectOption({ index: 3 });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export case (JSON)" }).click()]);
  const file = join(mkdtempSync(join(tmpdir(), "calciphylaxis-privacy-")), "case.json");
  await download.saveAs(file);
  assert.equal(JSON.parse(readFileSync(file, "utf8")).format, "calciphylaxis-case/1");
  await byLabel(page, "Dialysis vintage (months)").fill("12");
  await page.locator("#import-file").setInputFiles(file);
  // From the record: a FHIR export through Import, a laboratory printout through the paste
  // box, each read by the importer worker on the device and applied.
  await page.locator("#import-file").setInputFiles(join(ROOT, "tests", "fhir", "calciphylaxis-dialysis.json"));
  await page.getByTestId("review-apply").click();
  await page.locator("[data-testid=paste-box] summary").click();
  await byLabel(page, "FHIR JSON or a laboratory report, as copied").fill(readFileSync(join(ROOT, "tests", "paste", "en-printout.txt"), "utf8"));
  await page.getByRole("button", { name: "Read", exact: true }).click();
  await page.getByTestId("review-apply").click();
  assert.ok(details.some((r) => /calciphylaxis-importer.*\.wasm$/.test(r.url)), "the importer ran");
  // Print.
  await page.emulateMedia({ media: "print" });
  assert.ok((await page.pdf({ format: "A4" })).length > 10_000);
  await page.emulateMedia({ media: "screen" });
  // Language.
  await byLabel(page, "Language / 语言").selectOption("zh");
  await page.locator("html[lang^=zh]").waitFor({ state: "attached", timeout: 10_000 });
  // Reload (served by the service worker now) and one more edit.
  await page.reload();
  await s.waitForApp("[data-testid=risk-summary]");
  await page.waitForTimeout(300);

  s.assertClean();
  assert.ok(details.length >= 5, `requests recorded: ${details.length}`);
  const paths = new Set();
  for (const r of details) {
    if (/^(data|blob):/.test(r.url)) continue;
    const url = new URL(r.url);
    assert.equal(url.origin, s.origin, `another origin: ${r.url}`);
    assert.equal(r.method, "GET", `not a GET: ${r.method} ${r.url}`);
    assert.equal(url.search, "", `a query string: ${r.url}`);
    assert.equal(url.hash, "", `a fragment: ${r.url}`);
    assert.equal(r.body ?? null, null, `a request body: ${r.url}`);
    paths.add(url.pathname);
  }
  const extra = [...paths].filter((p) => !allowed.has(p));
  assert.deepEqual(extra, [], `requested paths that are not files of dist/: ${extra}`);
  assert.ok(paths.has("/") && [...paths].some((p) => p.endsWith(".wasm")), [...paths].join(", "));

  // What reached the server: GET (or HEAD) of a file of dist/, answered 200, no query.
  const log = suite.server.requests.slice(served);
  assert.ok(log.length >= 5, log.join("\n"));
  for (const line of log) {
    const [method, target, status] = line.split(" ");
    assert.ok(method === "GET", `server saw ${line}`);
    assert.ok(!target.includes("?"), `server saw a query: ${line}`);
    assert.ok(allowed.has(target), `server saw a path outside dist/: ${line}`);
    assert.equal(status, "200", line);
  }
});
