#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml): writes the sha256 of every inline
// <script> of the built index.html into its Content-Security-Policy <meta> tag.
//
// Trunk 0.21 appends an inline `<script type="module">` loader to the page (it
// imports the hashed JS glue and starts the wasm). A strict CSP blocks it unless
// `script-src` lists its hash. This script replaces the placeholder
// CSP_INLINE_SCRIPT_HASHES (inside the CSP meta tag only) with
// `'sha256-<base64>'` for each inline script, or with nothing if there is none.
// It never adds 'unsafe-inline' and fails loudly (exit 1) when:
//   - there is no CSP meta tag, or the placeholder is not inside it;
//   - the resulting policy contains 'unsafe-inline'.
//
// The pages pre-rendered per language (src/bin/prerender.rs: index.html, zh/index.html)
// also carry the inline language choice of index.html's <head>; each page whose CSP has
// the placeholder is done, and index.html must have it.
//
// Usage:
//   node scripts/csp-hash.mjs            # as a Trunk hook: $TRUNK_STAGING_DIR/index.html
//                                        # and every other page there with the placeholder
//   node scripts/csp-hash.mjs FILE.html  # any file, rewritten in place
//
// Note: `trunk serve` without --no-autoreload injects a websocket script whose
// text Trunk rewrites at serve time ({{__TRUNK_ADDRESS__}}), after this hook ran,
// so its hash cannot match: serve with --no-autoreload (the Makefile does).

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const PLACEHOLDER = "CSP_INLINE_SCRIPT_HASHES";

function fail(message) {
  console.error(`csp-hash: ERROR: ${message}`);
  process.exit(1);
}

function targetFiles() {
  if (process.argv[2]) return [process.argv[2]];
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) {
    fail("no file given and TRUNK_STAGING_DIR is not set (run as a Trunk post_build hook, or pass a path)");
  }
  return [join(staging, "index.html"), ...otherPages(staging)];
}

/** The pages one directory down (zh/index.html, …) whose CSP still has the placeholder. */
export function otherPages(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(dir, e.name, "index.html"))
    .filter((f) => existsSync(f) && readFileSync(f, "utf8").includes(PLACEHOLDER));
}

// Replace HTML comments by spaces of equal length so that positions still
// match the original text, and `<script>` inside a comment is not seen.
function maskComments(html) {
  return html.replace(/<!--[\s\S]*?-->/g, (m) => " ".repeat(m.length));
}

// The browser hashes the script's text as parsed. The HTML parser turns CRLF
// and lone CR into LF before anything else, so do the same before hashing.
export function scriptHash(text) {
  const normalized = text.replace(/\r\n?/g, "\n");
  return `'sha256-${createHash("sha256").update(normalized, "utf8").digest("base64")}'`;
}

// Every executable inline <script> (no src attribute) in document order.
export function inlineScripts(html) {
  const masked = maskComments(html);
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  const scripts = [];
  let m;
  while ((m = re.exec(masked)) !== null) {
    const attrs = m[1];
    if (/(^|\s)src\s*=/i.test(attrs)) continue;
    const contentStart = m.index + m[0].indexOf(">") + 1;
    const content = html.slice(contentStart, contentStart + m[2].length);
    scripts.push({ attrs: attrs.trim(), content });
  }
  return scripts;
}

export function applyHashes(html) {
  const masked = maskComments(html);
  const metaRe = /<meta\b[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/gi;
  const metas = [...masked.matchAll(metaRe)];
  if (metas.length === 0) {
    throw new Error("no <meta http-equiv=\"Content-Security-Policy\"> tag found");
  }
  const scripts = inlineScripts(html);
  const hashes = [...new Set(scripts.map((s) => scriptHash(s.content)))];
  let out = html;
  let replaced = 0;
  // Edit from the end so earlier offsets stay valid.
  for (const meta of metas.reverse()) {
    const tag = html.slice(meta.index, meta.index + meta[0].length);
    if (!tag.includes(PLACEHOLDER)) continue;
    const newTag = tag.replaceAll(` ${PLACEHOLDER}`, hashes.length ? ` ${hashes.join(" ")}` : "")
      .replaceAll(PLACEHOLDER, hashes.join(" "));
    if (/unsafe-inline/i.test(newTag)) {
      throw new Error("the Content-Security-Policy would contain 'unsafe-inline'; refusing");
    }
    out = out.slice(0, meta.index) + newTag + out.slice(meta.index + meta[0].length);
    replaced += 1;
  }
  if (replaced === 0) {
    throw new Error(
      `placeholder ${PLACEHOLDER} not found in the Content-Security-Policy meta tag ` +
        "(index.html must keep it in script-src)",
    );
  }
  return { html: out, scripts, hashes };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  for (const file of targetFiles()) hashFile(file);
}

function hashFile(file) {
  let html;
  try {
    html = readFileSync(file, "utf8");
  } catch (e) {
    fail(`cannot read ${file}: ${e.message}`);
  }
  let result;
  try {
    result = applyHashes(html);
  } catch (e) {
    fail(`${file}: ${e.message}`);
  }
  writeFileSync(file, result.html);
  const autoreload = result.scripts.some((s) => s.content.includes("__TRUNK_ADDRESS__"));
  console.log(
    `csp-hash: ${file}: ${result.scripts.length} inline script(s) -> ` +
      (result.hashes.length ? result.hashes.join(" ") : "(none)"),
  );
  if (autoreload) {
    console.warn(
      "csp-hash: WARNING: Trunk's autoreload script is present; Trunk rewrites it when serving, " +
        "so the CSP will block it. Use `trunk serve --no-autoreload` (make serve does).",
    );
  }
}
