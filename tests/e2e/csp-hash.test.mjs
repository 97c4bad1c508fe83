// Unit tests of the Trunk post_build hook scripts/csp-hash.mjs (no browser).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyHashes, inlineScripts, otherPages, scriptHash } from "../../scripts/csp-hash.mjs";
import { finish } from "../../scripts/sw-precache.mjs";

const META = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' CSP_INLINE_SCRIPT_HASHES; object-src 'none'" />`;
const doc = (head, body = "") =>
  `<!doctype html><html><head><!-- CSP_INLINE_SCRIPT_HASHES in a comment stays -->${head}</head><body>${body}</body></html>`;
const sha = (s) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;

test("hashes each inline script and writes the hashes into script-src", () => {
  const loader = "\nimport init from '/app.js';\nawait init();\n";
  const html = doc(META, `<script type="module">${loader}</script><script src="/x.js"></script><script>b()</script>`);
  const { html: out, hashes } = applyHashes(html);
  const expected = [sha(loader), sha("b()")];
  assert.deepEqual(hashes, expected);
  assert.match(out, new RegExp(`script-src 'self' 'wasm-unsafe-eval' ${expected.join(" ").replace(/[+/]/g, "\\$&")};`));
  assert.match(out, /<!-- CSP_INLINE_SCRIPT_HASHES in a comment stays -->/);
});

test("scripts inside HTML comments are not hashed", () => {
  const html = `<html><head>${META}<!-- <script>old()</script> --></head><body><script>now()</script></body></html>`;
  assert.deepEqual(inlineScripts(html).map((s) => s.content), ["now()"]);
  assert.deepEqual(applyHashes(html).hashes, [sha("now()")]);
});

test("no inline script: the placeholder is removed", () => {
  const { html } = applyHashes(`<html><head>${META}</head><body></body></html>`);
  assert.match(html, /script-src 'self' 'wasm-unsafe-eval'; object-src/);
  assert.doesNotMatch(html, /CSP_INLINE_SCRIPT_HASHES/);
});

test("CRLF is hashed as the browser parses it (LF)", () => {
  assert.equal(scriptHash("a()\r\nb()\r"), sha("a()\nb()\n"));
});

test("fails when the placeholder or the CSP meta tag is missing", () => {
  assert.throws(() => applyHashes(`<html><head><meta http-equiv="Content-Security-Policy" content="script-src 'self'"></head></html>`), /placeholder/);
  assert.throws(() => applyHashes("<html><head></head><body><script>x()</script></body></html>"), /no <meta/);
});

test("refuses a policy with 'unsafe-inline'", () => {
  const meta = META.replace("'self' 'wasm", "'self' 'unsafe-inline' 'wasm");
  assert.throws(() => applyHashes(`<html><head>${meta}</head></html>`), /unsafe-inline/);
});

test("the language pages: every page one level down with the placeholder is hashed, and precached by its address", () => {
  const dir = mkdtempSync(join(tmpdir(), "csp-pages-"));
  try {
    const page = doc(META, "<script>pick()</script>");
    writeFileSync(join(dir, "index.html"), page);
    for (const d of ["zh", "embed", "empty"]) mkdirSync(join(dir, d));
    writeFileSync(join(dir, "zh", "index.html"), page);
    writeFileSync(join(dir, "embed", "index.html"), "<html><head><script src=\"__APP_JS__\"></script></head></html>");
    assert.deepEqual(otherPages(dir), [join(dir, "zh", "index.html")]);
    // sw-precache: the module's files, then the page addresses "./", "embed/" and "zh/".
    for (const f of ["calciphylaxis-app-0123abcd.js", "calciphylaxis-app-0123abcd_bg.wasm"]) writeFileSync(join(dir, f), f);
    const { precache } = finish(dir);
    assert.deepEqual(precache.slice(0, 3), ["./", "embed/", "zh/"]);
    assert.ok(precache.includes("zh/index.html"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
