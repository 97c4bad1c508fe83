// Self-test of the e2e harness on tiny pages of its own: it must notice a
// request to another host, a CSP violation and a console error, and its
// server must send the right MIME types. If these fail, the smoke tests'
// "clean" verdicts mean nothing.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSuite } from "./harness.mjs";

const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; img-src 'self' data:">`;
const page = (body, head = CSP) =>
  `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">${head}<title>t</title></head><body>${body}</body></html>`;

let dir;
let suite;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "e2e-harness-"));
  mkdirSync(join(dir, "sub"));
  writeFileSync(join(dir, "index.html"), page("<h1>ok</h1>"));
  writeFileSync(join(dir, "foreign.html"), page('<h1>x</h1><img src="http://192.0.2.1/pixel.png" alt="">', ""));
  writeFileSync(join(dir, "ws.html"), page('<h1>x</h1><script src="ws.js"></script>', ""));
  writeFileSync(join(dir, "ws.js"), "new WebSocket('ws://192.0.2.1/socket');\n");
  writeFileSync(join(dir, "csp.html"), page("<h1>x</h1><script>document.title = 'ran';</script>"));
  writeFileSync(join(dir, "err.html"), page('<h1>x</h1><script src="err.js"></script>'));
  writeFileSync(join(dir, "err.js"), "console.error('boom');\n");
  writeFileSync(join(dir, "a.wasm"), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  writeFileSync(join(dir, "sub", "index.html"), page("<h1>sub</h1>"));
  suite = await startSuite({ dist: dir });
});

after(async () => {
  await suite?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("static server: MIME types, directory index, 404, no escape from the root", async () => {
  const get = (p) => fetch(suite.origin + p);
  const wasm = await get("/a.wasm");
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
  assert.match((await get("/err.js")).headers.get("content-type"), /^text\/javascript/);
  assert.match((await get("/")).headers.get("content-type"), /^text\/html/);
  assert.equal(await (await get("/sub/")).text(), page("<h1>sub</h1>"));
  assert.equal((await get("/missing.js")).status, 404);
  assert.notEqual((await get("/..%2f..%2fetc/passwd")).status, 200);
});

test("a clean page is reported clean", { timeout: 30_000 }, async (t) => {
  const s = await suite.newSession(t);
  await s.goto("/");
  await s.page.waitForSelector("h1");
  s.assertClean();
});

test("a request to another host is caught and blocked", { timeout: 30_000 }, async (t) => {
  const s = await suite.newSession(t);
  await s.goto("/foreign.html");
  await s.page.waitForLoadState("load");
  assert.deepEqual(s.foreignRequests, ["http://192.0.2.1/pixel.png"]);
  assert.throws(() => s.assertClean(), /left the origin/);
});

test("a WebSocket to another host is caught and refused", { timeout: 30_000 }, async (t) => {
  const s = await suite.newSession(t);
  await s.goto("/ws.html");
  await s.page.waitForLoadState("load");
  for (let i = 0; i < 40 && s.foreignRequests.length === 0; i++) await s.page.waitForTimeout(50);
  assert.deepEqual(s.foreignRequests, ["ws://192.0.2.1/socket"]);
});

test("a CSP violation is caught", { timeout: 30_000 }, async (t) => {
  const s = await suite.newSession(t);
  await s.goto("/csp.html");
  await s.page.waitForLoadState("load");
  await s.page.waitForTimeout(200);
  assert.notEqual(await s.page.title(), "ran", "the inline script must have been blocked");
  assert.ok(s.cspViolations.length > 0, "no CSP violation recorded");
  assert.throws(() => s.assertClean(), /CSP violations/);
});

test("a console error is caught", { timeout: 30_000 }, async (t) => {
  const s = await suite.newSession(t);
  await s.goto("/err.html");
  await s.page.waitForLoadState("load");
  assert.ok(s.consoleErrors.some((e) => e.includes("boom")), JSON.stringify(s.console));
  assert.throws(() => s.assertClean(), /console errors/);
});

test("each session is a fresh browser context", { timeout: 30_000 }, async (t) => {
  const a = await suite.newSession(t);
  await a.goto("/");
  await a.page.evaluate(() => localStorage.setItem("k", "v"));
  const b = await suite.newSession(t);
  await b.goto("/");
  assert.equal(await b.page.evaluate(() => localStorage.getItem("k")), null);
  assert.notEqual(a.context, b.context);
});
