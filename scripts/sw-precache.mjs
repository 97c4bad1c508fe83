#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml; runs after scripts/csp-hash.mjs): finishes the
// staged dist/ for offline use and embedding.
//
// 1. Embedding example (dist/embed/, copied from examples/embed/): replaces the
//    placeholders __APP_JS__ / __APP_WASM__ in embed/*.js and embed/*.html with the
//    build's hashed file names of the wasm module's JS glue and wasm.
// 2. Service worker: writes dist/sw.js from the template web/sw.js with
//      __SW_VERSION__   a hash of every file of the build (names and contents), so any
//                       change of any file is a new version, a new cache name and a
//                       byte-different sw.js (which is how the browser finds an update);
//      __SW_PRECACHE__  the list of every file of the build (hashed names included),
//                       relative to sw.js, plus "./" (the page itself) and the directory
//                       address of every other page (zh/ for zh/index.html: the page in
//                       each language, src/bin/prerender.rs).
//
// Fails loudly (exit 1) when a placeholder or the module's files are missing.
//
// Usage:
//   node scripts/sw-precache.mjs          # as a Trunk hook: $TRUNK_STAGING_DIR
//   node scripts/sw-precache.mjs DIR      # any built dist directory, rewritten in place
//                                         # (sw.js is always made from web/sw.js)

import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const TEMPLATE = join(ROOT, "web", "sw.js");
const SW = "sw.js";

function fail(message) {
  console.error(`sw-precache: ERROR: ${message}`);
  process.exit(1);
}

/** Every file under `dir`, as sorted "/"-separated paths relative to it. */
export function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/** The hashed JS glue and wasm of the app's module, e.g. calciphylaxis-app-0123abcd.js. */
export function moduleFiles(files) {
  const js = files.filter((f) => /^calciphylaxis-app-[0-9a-f]+\.js$/.test(f));
  const wasm = files.filter((f) => /^calciphylaxis-app-[0-9a-f]+_bg\.wasm$/.test(f));
  if (js.length !== 1 || wasm.length !== 1) {
    throw new Error(`expected one calciphylaxis-app-<hash>.js and one _bg.wasm among ${JSON.stringify(files)}`);
  }
  return { js: js[0], wasm: wasm[0] };
}

/** Writes the module's file names into the embedding example; returns the files changed. */
export function linkEmbed(dir, files) {
  const embed = files.filter((f) => f.startsWith("embed/") && /\.(js|html)$/.test(f));
  if (embed.length === 0) return [];
  const { js, wasm } = moduleFiles(files);
  const changed = [];
  for (const f of embed) {
    const path = join(dir, f);
    const text = readFileSync(path, "utf8");
    const out = text.replaceAll("__APP_JS__", js).replaceAll("__APP_WASM__", wasm);
    if (out !== text) {
      writeFileSync(path, out);
      changed.push(f);
    }
  }
  // Already linked (the script was run on this directory before) is fine; neither is not.
  const linked = embed.some((f) => readFileSync(join(dir, f), "utf8").includes(js));
  if (changed.length === 0 && !linked) throw new Error("embed/: no __APP_JS__ / __APP_WASM__ placeholder found");
  return changed;
}

/** The build's version: sha256 over every file's name and contents (sw.js excluded). */
export function buildVersion(dir, files) {
  const h = createHash("sha256");
  for (const f of files) {
    if (f === SW) continue;
    h.update(f).update("\0").update(readFileSync(join(dir, f))).update("\0");
  }
  return h.digest("hex").slice(0, 16);
}

export function renderServiceWorker(template, version, precache) {
  for (const p of ["__SW_VERSION__", "__SW_PRECACHE__"]) {
    if (!template.includes(p)) throw new Error(`${TEMPLATE}: placeholder ${p} missing`);
  }
  return template
    .replaceAll("__SW_VERSION__", version)
    .replaceAll("__SW_PRECACHE__", JSON.stringify(precache, null, 2));
}

export function finish(dir) {
  let files = listFiles(dir);
  if (!files.includes("index.html")) throw new Error(`${dir}/index.html missing`);
  const embedded = linkEmbed(dir, files);
  files = listFiles(dir).filter((f) => f !== SW);
  const version = buildVersion(dir, files);
  const pages = files.filter((f) => f.endsWith("/index.html")).map((f) => f.slice(0, -"index.html".length));
  const precache = ["./", ...pages, ...files];
  writeFileSync(join(dir, SW), renderServiceWorker(readFileSync(TEMPLATE, "utf8"), version, precache));
  return { version, precache, embedded };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
  if (!dir) fail("no directory given and TRUNK_STAGING_DIR is not set (run as a Trunk post_build hook, or pass a path)");
  try {
    const { version, precache, embedded } = finish(resolve(dir));
    console.log(`sw-precache: ${dir}/sw.js: version ${version}, ${precache.length} entries; embed: ${embedded.join(", ") || "-"}`);
  } catch (e) {
    fail(e.message);
  }
}
