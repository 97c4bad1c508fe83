// Shared end-to-end harness: a dependency-free static server for dist/, Debian's
// Chromium driven by playwright-core, and a recorder of every request, console
// message, page error and CSP violation of a page.
//
// Typical use in a *.test.mjs file (node:test):
//
//   import { before, after, test } from "node:test";
//   import { startSuite } from "./harness.mjs";
//   let suite;
//   before(async () => { suite = await startSuite(); });
//   after(async () => { await suite?.close(); });
//   test("…", async (t) => {
//     const s = await suite.newSession(t);   // fresh browser context + page
//     await s.goto();                        // the app's index.html
//     …
//     s.assertClean();                       // no foreign request, console error, CSP violation
//   });

import { execFile } from "node:child_process";
import { createServer } from "node:http";
import { createReadStream, existsSync, mkdirSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const DIST = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(ROOT, "dist");
export const ARTIFACTS = join(ROOT, "tests", "e2e", "artifacts");
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

// Flags for Chromium on this machine's closed network (see toolchain notes).
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
};

export function mimeType(path) {
  return MIME[extname(path).toLowerCase()] || "application/octet-stream";
}

/**
 * Serve `dir` on 127.0.0.1 at a free port. Resolves to
 * { origin, port, server, requests, close() }; `requests` lists every
 * "METHOD /path STATUS" the server answered.
 */
export function serveStatic(dir = DIST, { host = "127.0.0.1", port = 0, prefix = "/" } = {}) {
  let root = resolve(dir);
  const requests = [];
  if (!prefix.startsWith("/") || !prefix.endsWith("/")) throw new Error(`prefix must start and end with "/": ${prefix}`);
  const server = createServer((req, res) => {
    const done = (status, headers = {}, body) => {
      requests.push(`${req.method} ${req.url} ${status}`);
      res.writeHead(status, { "cache-control": "no-store", "x-content-type-options": "nosniff", ...headers });
      res.end(body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return done(405, { allow: "GET, HEAD" });
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      return done(400);
    }
    // Served under a sub-path (as on GitHub Pages): /prefix redirects to /prefix/,
    // anything outside the prefix is not found.
    if (prefix !== "/") {
      if (pathname === prefix.slice(0, -1)) return done(301, { location: prefix });
      if (!pathname.startsWith(prefix)) return done(404, { "content-type": "text/plain; charset=utf-8" }, "not found\n");
      pathname = pathname.slice(prefix.length - 1);
    }
    let file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) return done(403);
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      const st = statSync(file);
      requests.push(`${req.method} ${req.url} 200`);
      res.writeHead(200, {
        "content-type": mimeType(file),
        "content-length": st.size,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      });
      if (req.method === "HEAD") return res.end();
      createReadStream(file).pipe(res);
    } catch {
      done(404, { "content-type": "text/plain; charset=utf-8" }, "not found\n");
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      const origin = `http://${host}:${actual}`;
      resolvePromise({
        origin,
        port: actual,
        prefix,
        /** origin + prefix: the app's address. */
        base: origin + prefix,
        server,
        requests,
        /** Serve another directory from now on (e.g. a new deployment). */
        setRoot: (next) => {
          root = resolve(next);
        },
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run scripts/setup.sh (apt-get install chromium)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

function safeName(s) {
  return String(s).replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 120) || "page";
}

/**
 * Start the server for dist/ and one Chromium for a test file.
 * Every session gets its own fresh browser context.
 */
export async function startSuite({ dist = DIST, prefix = "/" } = {}) {
  if (!existsSync(join(dist, "index.html"))) {
    throw new Error(`${dist}/index.html is missing: build first (trunk build --release --offline)`);
  }
  const server = await serveStatic(dist, { prefix });
  const browser = await launchBrowser();
  const contexts = new Set();
  return {
    origin: server.origin,
    prefix,
    /** origin + prefix: the app's address (`s.goto(suite.prefix)` opens it). */
    base: server.base,
    server,
    browser,
    /** A fresh context + page with recorders attached. `t` (node:test context) names the screenshot. */
    async newSession(t, contextOptions = {}) {
      const context = await browser.newContext({
        serviceWorkers: "block",
        ...contextOptions,
      });
      contexts.add(context);
      const session = await attachRecorders(context, server.origin, t?.name);
      const origClose = session.close;
      session.close = async () => {
        contexts.delete(context);
        await origClose();
      };
      t?.after?.(() => session.close());
      return session;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/**
 * Record, for one context: every request (foreign ones are aborted and kept in
 * `foreignRequests`), console errors and warnings, uncaught page errors, and
 * CSP violations (both the `securitypolicyviolation` DOM event and Chromium's
 * console report).
 */
export async function attachRecorders(context, origin, name = "page") {
  const rec = {
    origin,
    requests: [],
    foreignRequests: [],
    failedRequests: [],
    console: [],
    consoleErrors: [],
    pageErrors: [],
    cspViolations: [],
  };
  const isOwn = (url) => {
    if (url.startsWith("data:") || url.startsWith("blob:") || url === "about:blank") return true;
    try {
      return new URL(url).origin === origin;
    } catch {
      return false;
    }
  };
  const noteForeign = (url) => {
    if (!rec.foreignRequests.includes(url)) rec.foreignRequests.push(url);
  };
  // Every request of every page of the context passes here; nothing foreign goes out.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isOwn(url)) return route.continue();
    noteForeign(url);
    return route.abort("blockedbyclient");
  });
  context.on("request", (req) => {
    const url = req.url();
    rec.requests.push(`${req.method()} ${url}`);
    if (!isOwn(url)) noteForeign(url);
  });
  // WebSockets are not routed: record and refuse them too.
  await context.routeWebSocket(/.*/, (ws) => {
    const url = ws.url();
    if (isOwn(url.replace(/^ws/, "http"))) return ws.connectToServer();
    noteForeign(url);
    return ws.close();
  });
  context.on("requestfailed", (req) => {
    rec.failedRequests.push(`${req.method()} ${req.url()} ${req.failure()?.errorText ?? ""}`);
  });
  await context.exposeBinding("__e2eCspViolation", (_source, v) => {
    rec.cspViolations.push(v);
  });
  await context.addInitScript(() => {
    // Trunk's loader fires this once the wasm app has started.
    addEventListener("TrunkApplicationStarted", () => {
      window.__e2eTrunkStarted = true;
    });
    document.addEventListener("securitypolicyviolation", (e) => {
      // exposeBinding is installed by the DevTools protocol, so the page's CSP does not block it.
      window.__e2eCspViolation({
        directive: e.violatedDirective,
        effectiveDirective: e.effectiveDirective,
        blockedURI: e.blockedURI,
        sourceFile: e.sourceFile,
        line: e.lineNumber,
        sample: e.sample,
      });
    });
  });

  const page = await context.newPage();
  page.on("console", (msg) => {
    const entry = `[${msg.type()}] ${msg.text()}`;
    rec.console.push(entry);
    if (msg.type() === "error") rec.consoleErrors.push(entry);
    if (/Content[- ]Security[- ]Policy/i.test(msg.text())) rec.cspViolations.push({ console: msg.text() });
  });
  page.on("pageerror", (err) => rec.pageErrors.push(String(err?.stack || err)));

  const report = () =>
    JSON.stringify(
      {
        foreignRequests: rec.foreignRequests,
        consoleErrors: rec.consoleErrors,
        pageErrors: rec.pageErrors,
        cspViolations: rec.cspViolations,
        requests: rec.requests,
      },
      null,
      2,
    );

  let closed = false;
  return {
    report,
    ...rec,
    rec,
    context,
    page,
    /** Open `path` (default: the app) and wait for the network to settle. */
    async goto(path = "/", { waitUntil = "load" } = {}) {
      const resp = await page.goto(origin + path, { waitUntil });
      assert.ok(resp, `no response for ${path}`);
      assert.equal(resp.status(), 200, `GET ${path} answered ${resp.status()}`);
      return resp;
    },
    /**
     * Wait until Trunk's loader has started the wasm app (TrunkApplicationStarted)
     * and `selector` is present. Fails at once, with the recorder's report, on a
     * CSP violation or an uncaught page error (the app would never start).
     */
    async waitForApp(selector = "h1", timeout = 15_000) {
      const deadline = Date.now() + timeout;
      for (;;) {
        if (rec.cspViolations.length || rec.pageErrors.length) {
          throw new Error(`the app did not start cleanly:\n${report()}`);
        }
        const ready = await page
          .evaluate((sel) => window.__e2eTrunkStarted === true && !!document.querySelector(sel), selector)
          .catch(() => false);
        if (ready) return;
        if (Date.now() > deadline) {
          throw new Error(`the app did not start within ${timeout} ms (no TrunkApplicationStarted or no ${selector}):\n${report()}`);
        }
        await page.waitForTimeout(50);
      }
    },
    async screenshot(label = name) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = join(ARTIFACTS, `${safeName(label)}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    /** Fail on any request to another origin, console error, page error or CSP violation. */
    assertClean() {
      assert.deepEqual(rec.foreignRequests, [], `requests left the origin ${origin}:\n${report()}`);
      assert.deepEqual(rec.cspViolations, [], `CSP violations:\n${report()}`);
      assert.deepEqual(rec.pageErrors, [], `uncaught page errors:\n${report()}`);
      assert.deepEqual(rec.consoleErrors, [], `console errors:\n${report()}`);
    },
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => {});
    },
  };
}

/**
 * A release build with Trunk into `dist` (never the default dist/), e.g. for a sub-path:
 * `trunk build --release --offline --public-url /calciphylaxis-calculator/ --dist DIR`.
 * Uses the local tools (node_modules/.bin on PATH, as the Makefile does). Resolves to
 * the build's output; rejects with it when Trunk fails.
 */
export function trunkBuild({ dist, publicUrl = "/", timeout = 300_000 } = {}) {
  if (!dist || resolve(dist) === resolve(DIST)) throw new Error("trunkBuild: pass a separate dist directory");
  const env = { ...process.env, PATH: `${join(ROOT, "node_modules", ".bin")}:${process.env.PATH}` };
  const args = ["build", "--release", "--offline", "--public-url", publicUrl, "--dist", dist];
  return new Promise((resolvePromise, reject) => {
    execFile("trunk", args, { cwd: ROOT, env, timeout, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const output = `${stdout}\n${stderr}`;
      if (err) reject(new Error(`trunk ${args.join(" ")} failed: ${err.message}\n${output.slice(-4000)}`));
      else resolvePromise(output);
    });
  });
}

/** A control by its exact accessible label (the app's fields are all labelled). */
/** The Chinese words' file (`core::i18n::ZH_FILE`), fetched when Chinese is chosen. */
export const CHINESE_WORDS = /\/calciphylaxis-zh-[0-9a-f]{16}\.txt$/;

export const byLabel = (page, label) => page.getByLabel(label, { exact: true });

/** Every control of the case form, by id: its text, choice or checked state. */
export const formState = (page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll("form.inputs input, form.inputs select")].map((e) => [
        e.id,
        e.type === "radio" || e.type === "checkbox" ? e.checked : e.value,
      ]),
    ),
  );
