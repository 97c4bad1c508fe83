// Lighthouse audit of the release build: `make audit` (installs tools/lighthouse if
// needed and builds first), or `node scripts/lighthouse.mjs` after
// `npm ci --prefix tools/lighthouse` and `trunk build --release --offline`.
// Never part of `make test`; exits non-zero only when the audit itself could not run.
//
// - dist/ is served on 127.0.0.1 by the e2e harness's serveStatic (no compression,
//   cache-control: no-store: the scores are those of this bare server, not of GitHub Pages).
// - Lighthouse (tools/lighthouse, pinned) drives Debian's Chromium (/usr/bin/chromium or
//   CHROMIUM_PATH) through chrome-launcher, with the harness's flags plus a host resolver
//   that resolves no name at all, so the browser cannot reach another machine.
// - Categories: performance, accessibility, best-practices, seo; presets: mobile (Lighthouse's
//   default: Moto G Power emulation, simulated slow 4G and 4x CPU slowdown) and desktop
//   (Lighthouse's desktop config). LH_RUNS runs of each (default 3, at least 3), a fresh
//   Chromium each run; the median score per category and the median of each metric are reported.
// - Writes target/bench/lighthouse.json (scores, metrics, failing audits) and the HTML
//   report of the median-performance run of each preset to target/bench/lighthouse-<preset>.html.
// - Fails if any request of the audited page went anywhere but the local server, or if the
//   Node side tried to open a connection off the loopback (Lighthouse's error reporting is off).

import http from "node:http";
import https from "node:https";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CHROMIUM, CHROMIUM_ARGS, DIST, ROOT, serveStatic } from "../tests/e2e/harness.mjs";

const TOOLS = join(ROOT, "tools", "lighthouse");
const OUT_DIR = join(ROOT, "target", "bench");
const OUT = join(OUT_DIR, "lighthouse.json");
const RUNS = Math.max(3, Number.parseInt(process.env.LH_RUNS || "3", 10) || 3);
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const METRICS = {
  fcp: "first-contentful-paint",
  lcp: "largest-contentful-paint",
  tbt: "total-blocking-time",
  cls: "cumulative-layout-shift",
  si: "speed-index",
  tti: "interactive", // not scored since Lighthouse 10, kept as "the app answers" time
};
const progress = (msg) => process.stderr.write(`lighthouse: ${msg}\n`);

// ---- nothing leaves the machine: guard the Node side too ----
const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);
const offLoopback = [];
function guard(what, host) {
  const h = String(host ?? "localhost").toLowerCase();
  if (!LOOPBACK.has(h)) {
    offLoopback.push(`${what} ${h}`);
    throw new Error(`lighthouse.mjs: refused a connection to ${h} (${what}): only the loopback is allowed`);
  }
}
function hostOf(args) {
  const [a, b] = args;
  if (typeof a === "string" || a instanceof URL) return new URL(a).hostname;
  return a?.hostname ?? a?.host?.split(":")[0] ?? b?.hostname;
}
for (const [name, mod] of [["http", http], ["https", https]]) {
  for (const fn of ["request", "get"]) {
    const orig = mod[fn];
    mod[fn] = function (...args) {
      if (name === "https") guard(`https.${fn}`, "https-is-never-needed");
      guard(`${name}.${fn}`, hostOf(args));
      return orig.apply(this, args);
    };
  }
}
const origFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  guard("fetch", new URL(typeof input === "string" || input instanceof URL ? input : input.url).hostname);
  return origFetch(input, init);
};

// ---- tools ----
function loadTools() {
  const req = createRequire(join(TOOLS, "package.json"));
  let lhPath, launcherPath;
  try {
    lhPath = req.resolve("lighthouse");
    launcherPath = req.resolve("chrome-launcher");
  } catch {
    throw new Error(`Lighthouse is not installed: npm ci --prefix tools/lighthouse (or make audit)`);
  }
  return Promise.all([
    import(pathToFileURL(lhPath).href),
    import(pathToFileURL(launcherPath).href),
    import(pathToFileURL(join(lhPath, "..", "config", "desktop-config.js")).href),
    req("lighthouse/package.json").version,
  ]);
}

// ---- statistics ----
function median(xs) {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  const n = s.length;
  if (!n) return null;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}
const round = (x, d = 0) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

// An audit "fails" when it counts towards a category and scored below 1 (pass/fail,
// numeric or metric-savings audits), or could not run (error).
function failingAudits(lhr) {
  const catsOf = new Map();
  for (const [cid, cat] of Object.entries(lhr.categories)) {
    for (const ref of cat.auditRefs) {
      if (!catsOf.has(ref.id)) catsOf.set(ref.id, []);
      catsOf.get(ref.id).push({ cid, weight: ref.weight, group: ref.group });
    }
  }
  const out = [];
  for (const [id, a] of Object.entries(lhr.audits)) {
    const cats = catsOf.get(id);
    if (!cats) continue;
    const scored = ["binary", "numeric", "metricSavings"].includes(a.scoreDisplayMode);
    if (a.scoreDisplayMode === "error" || (scored && a.score !== null && a.score < 1)) {
      out.push({
        id,
        title: a.title,
        categories: [...new Set(cats.map((c) => c.cid))],
        weight: Math.max(...cats.map((c) => c.weight)),
        mode: a.scoreDisplayMode,
        score: a.score,
        displayValue: a.displayValue ?? null,
        errorMessage: a.errorMessage ?? null,
      });
    }
  }
  return out;
}

function foreignRequests(lhr, origin) {
  const items = lhr.audits["network-requests"]?.details?.items ?? [];
  return items
    .map((r) => r.url)
    .filter((u) => !(u.startsWith(origin + "/") || u === origin || /^(data|blob|chrome-extension|chrome):/.test(u)));
}

async function main() {
  if (!existsSync(join(DIST, "index.html"))) {
    throw new Error(`${DIST}/index.html is missing: build first (trunk build --release --offline, or make audit)`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (scripts/setup.sh installs it)`);
  const [{ default: lighthouse }, chromeLauncher, { default: desktopConfig }, lhVersion] = await loadTools();
  let chromiumVersion = "?";
  try {
    chromiumVersion = execFileSync(CHROMIUM, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {}

  const server = await serveStatic(DIST);
  const url = server.base;
  const chromeFlags = [...CHROMIUM_ARGS, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"];
  const presets = { mobile: undefined, desktop: desktopConfig };
  const result = {
    generatedAt: new Date().toISOString(),
    lighthouse: lhVersion,
    chromium: chromiumVersion,
    url,
    runsPerPreset: RUNS,
    // Simulated throttling scales the CPU time observed here: a busy machine lowers the scores.
    loadavgBefore: loadavg().map((x) => round(x, 2)),
    note: "Local static server: no compression, cache-control no-store. Scores are medians over the runs; metrics (ms, CLS unitless) are medians of Lighthouse's values.",
    presets: {},
  };

  mkdirSync(OUT_DIR, { recursive: true });
  try {
    for (const [preset, config] of Object.entries(presets)) {
      const runs = [];
      for (let i = 1; i <= RUNS; i++) {
        const chrome = await chromeLauncher.launch({
          chromePath: CHROMIUM,
          chromeFlags,
          logLevel: "silent",
        });
        try {
          const t0 = Date.now();
          const rr = await lighthouse(
            url,
            { port: chrome.port, output: "html", logLevel: "error", onlyCategories: CATEGORIES, enableErrorReporting: false },
            config,
          );
          if (!rr) throw new Error("Lighthouse returned no result");
          const { lhr } = rr;
          if (lhr.runtimeError) throw new Error(`Lighthouse runtime error: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
          const foreign = foreignRequests(lhr, server.origin);
          if (foreign.length) throw new Error(`the audited page requested other origins:\n  ${foreign.join("\n  ")}`);
          const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100)]));
          const metrics = Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, lhr.audits[id]?.numericValue ?? null]));
          runs.push({ scores, metrics, failing: failingAudits(lhr), report: rr.report, warnings: lhr.runWarnings });
          progress(
            `${preset} run ${i}/${RUNS}: ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(", ")} (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
          );
        } finally {
          await chrome.kill();
        }
      }

      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]))]));
      const metrics = Object.fromEntries(
        Object.keys(METRICS).map((k) => [k, round(median(runs.map((r) => r.metrics[k])), k === "cls" ? 3 : 0)]),
      );
      // Failing audits of any run, with how many runs they failed in.
      const failing = new Map();
      for (const r of runs) {
        for (const f of r.failing) {
          const prev = failing.get(f.id);
          if (prev) {
            prev.failedRuns++;
            prev.scores.push(f.score);
          } else failing.set(f.id, { ...f, scores: [f.score], failedRuns: 1, score: undefined });
        }
      }
      const failingList = [...failing.values()]
        .map(({ score, ...f }) => f)
        .sort((a, b) => a.categories[0].localeCompare(b.categories[0]) || b.weight - a.weight || a.id.localeCompare(b.id));
      // HTML report of the run whose performance score is nearest the median.
      const pick = runs.reduce((best, r) =>
        Math.abs(r.scores.performance - scores.performance) < Math.abs(best.scores.performance - scores.performance) ? r : best,
      );
      const html = join(OUT_DIR, `lighthouse-${preset}.html`);
      writeFileSync(html, pick.report);
      result.presets[preset] = {
        scores,
        metrics,
        runs: runs.map((r) => ({ scores: r.scores, metrics: Object.fromEntries(Object.entries(r.metrics).map(([k, v]) => [k, round(v, k === "cls" ? 3 : 0)])) })),
        failingAudits: failingList,
        runWarnings: [...new Set(runs.flatMap((r) => r.warnings ?? []))],
        htmlReport: html.slice(ROOT.length + 1),
      };
    }
  } finally {
    await server.close();
  }
  result.loadavgAfter = loadavg().map((x) => round(x, 2));
  if (offLoopback.length) throw new Error(`connections off the loopback were attempted: ${offLoopback.join(", ")}`);
  writeFileSync(OUT, JSON.stringify(result, null, 2) + "\n");

  // ---- table ----
  const pad = (s, w) => String(s ?? "-").padStart(w);
  const ms = (x) => (x === null ? "-" : `${x} ms`);
  console.log(`\nLighthouse ${lhVersion}, ${chromiumVersion}, ${url} (median of ${RUNS} runs each)\n`);
  console.log(`  ${"preset".padEnd(8)}${pad("perf", 6)}${pad("a11y", 6)}${pad("best", 6)}${pad("seo", 6)}${pad("FCP", 10)}${pad("LCP", 10)}${pad("TBT", 9)}${pad("CLS", 7)}${pad("SI", 10)}${pad("TTI", 10)}`);
  for (const [preset, p] of Object.entries(result.presets)) {
    const s = p.scores;
    const m = p.metrics;
    console.log(
      `  ${preset.padEnd(8)}${pad(s.performance, 6)}${pad(s.accessibility, 6)}${pad(s["best-practices"], 6)}${pad(s.seo, 6)}${pad(ms(m.fcp), 10)}${pad(ms(m.lcp), 10)}${pad(ms(m.tbt), 9)}${pad(m.cls, 7)}${pad(ms(m.si), 10)}${pad(ms(m.tti), 10)}`,
    );
  }
  for (const [preset, p] of Object.entries(result.presets)) {
    console.log(`\n  ${preset}: failing audits${p.failingAudits.length ? "" : ": none"}`);
    for (const f of p.failingAudits) {
      console.log(`    [${f.categories.join(",")}] ${f.id}: ${f.title}${f.displayValue ? ` (${f.displayValue})` : ""}, weight ${f.weight}, failed in ${f.failedRuns}/${RUNS} runs`);
    }
  }
  console.log(`\n  weight 0: reported by Lighthouse but not part of the category's score. Load average ${result.loadavgBefore.join(" ")} -> ${result.loadavgAfter.join(" ")} (${cpus().length} CPUs)`);
  console.log(`\n  wrote ${OUT.slice(ROOT.length + 1)}, ${Object.values(result.presets).map((p) => p.htmlReport).join(", ")}`);
}

main().catch((err) => {
  console.error(`lighthouse: ${err?.stack || err}`);
  process.exit(1);
});
