// Benchmark of the release build: `make bench` (builds first), or `node scripts/bench.mjs`
// after `trunk build --release --offline`. Prints a table, writes target/bench/bench.json.
// Never part of `make test`, and never exits non-zero for a missed budget or target.
//
// What each figure means (ms are the page's own performance.now(), whose origin is the
// navigation start; 1 KB = 1000 bytes; p95 is nearest-rank; every figure is over many runs):
//  1. Transfer size: each file of dist/ raw, gzip -9 and brotli q11 (dist/ is first copied to
//     target/bench/dist, which is what gets served, so a concurrent build cannot interfere);
//     "first visit" sums the files the server actually sent during a cold load of the app.
//     Budget: first-visit gzip <= 250 KB (PASS/OVER). The server itself sends uncompressed.
//  2. Start-up: RUNS cold loads, each in a fresh browser context (empty cache), app and plain
//     page interleaved, after one unmeasured warm-up load of each (browser process warm-up).
//     - first risk summary: navigation -> [data-testid=risk-summary] in the DOM (first render).
//     - interactive: navigation -> the risk summary's text changed after a digit was typed
//       into "Dialysis vintage (months)" (#f-vintage; typed as soon as the summary exists,
//       retried each frame until the app responds). Yew renders the edit in a later task, so
//       this includes the browser's first style/layout/paint of the whole page.
//     - first button: navigation -> first <button> in the DOM, for the app and for a plain
//       page (scripts/bench-plain: a module script that creates one button), same server,
//       same run; ratio = app median / plain median.
//     - first contentful paint (PerformancePaintTiming "first-contentful-paint") of the app's
//       page (the pre-rendered form, src/bin/prerender.rs) and of the plain page; ratio
//       app / plain, target <= 1.2. First labelled input: navigation -> the first <input>
//       whose <label for> is in the DOM. App started: Trunk's TrunkApplicationStarted.
//       The first risk summary (now in the pre-rendered page) and interactive as ratios to
//       the plain page's first button, target <= 2.0.
//     RUNS is BENCH_RUNS when set (e.g. BENCH_RUNS=3); BENCH_ONLY=startup stops after 2.
//  3. Responsiveness (one page, warm): keystroke -> updated results in the DOM: #f-vintage set
//     to "59"/"61" alternately (native value setter + input event) until a MutationObserver
//     on #results sees the risk summary text change; target p95 <= 8 ms on the largest example.
//     Where the time goes: the app's own User Timing measure "calc-engine" (form -> case ->
//     assessment, src/ui/hooks/use_assessment.rs) per edit; the rest is the event, Yew's
//     diff and the DOM.
//     Example load: each option of #example selected in turn; change event -> last DOM
//     mutation, once the DOM stayed quiet for one animation frame: all options in turn, then
//     the largest (most elements in #results; the edits above run on it) RUNS more times.
//  4. Native engine: criterion (benches/engine, `cargo bench -p calciphylaxis-bench`) over the
//     example cases, parse / assess / text -> assessment, in English and Chinese: cases per
//     second from criterion's median time per iteration (one iteration = every example once).
//     Memory: one process of target/release/assess over 10,000 case files (the examples
//     repeated; process start, file reads and JSON output included): its wall-clock cases per
//     second and its peak RSS from /usr/bin/time -v.
//  5. Where the wasm bytes are: the release .wasm's sections (code, data) raw and gzip, and,
//     when twiggy is installed (`make bench` installs it), the largest functions and crates of
//     the same build before wasm-bindgen/wasm-opt (its names are still there).
//  6. Change since the last run: the previous target/bench/bench.json (kept as
//     bench.previous.json) against this one, figure by figure, and the commit each measured
//     (`git rev-parse`, "+dirty" when the work tree had changes).

import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { CHROMIUM, DIST, ROOT, launchBrowser, serveStatic } from "../tests/e2e/harness.mjs";

const RUNS = Number(process.env.BENCH_RUNS) || 20; // cold loads per page kind
const EDITS = 240; // keystrokes
const EXAMPLE_ROUNDS = 4; // x 7 examples = 28 loads
const NATIVE_MIN = 10_000; // assessments
const BUDGET_GZIP_KB = 250;
const EDIT_TARGET_MS = 8; // keystroke -> results, p95 on the largest example (issue #20)
const OUT = join(ROOT, "target", "bench", "bench.json");
const SNAPSHOT = join(ROOT, "target", "bench", "dist"); // measured copy of dist/
const PLAIN = join(ROOT, "scripts", "bench-plain");

// ---- statistics and formatting ----
function stats(xs) {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  const n = s.length;
  if (!n) return { n: 0 };
  const mid = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  const r = (x) => Math.round(x * 100) / 100;
  return { n, median: r(mid), p95: r(s[Math.ceil(0.95 * n) - 1]), min: r(s[0]), max: r(s[n - 1]), mean: r(s.reduce((a, b) => a + b, 0) / n) };
}
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (x) => (x === undefined ? "-" : `${x.toFixed(1)} ms`);
const pad = (s, w) => String(s).padStart(w);
const row = (label, st) => `  ${label.padEnd(44)}${pad(st.n, 4)}${pad(ms(st.median), 11)}${pad(ms(st.p95), 11)}${pad(ms(st.min), 11)}${pad(ms(st.max), 11)}`;
const progress = (msg) => process.stderr.write(`bench: ${msg}\n`);

// ---- 1. transfer size, of a complete copy of dist/ (another build may replace dist/ meanwhile) ----
async function snapshotDist() {
  for (let attempt = 0; attempt < 30; attempt++, await sleep(2000)) {
    rmSync(SNAPSHOT, { recursive: true, force: true });
    if (!existsSync(join(DIST, "index.html"))) continue;
    cpSync(DIST, SNAPSHOT, { recursive: true, filter: (src) => !basename(src).startsWith(".") }); // no Trunk .stage
    const html = readFileSync(join(SNAPSHOT, "index.html"), "utf8");
    const refs = [...html.matchAll(/["']\/([\w.-]+\.(?:js|wasm|css))["']/g)].map((m) => m[1]);
    if (refs.length && refs.every((f) => existsSync(join(SNAPSHOT, f)))) return;
  }
  throw new Error(`${DIST} has no complete build: run trunk build --release --offline (or make bench)`);
}
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
function transferSizes() {
  return walk(SNAPSHOT).sort().map((file) => {
    const data = readFileSync(file);
    return {
      file: relative(SNAPSHOT, file),
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }).length,
    };
  });
}

// ---- 2. start-up: injected before any page script; records page-clock times in window.__bench ----
function benchInit() {
  const b = (window.__bench = { button: null, summary: null, tti: null, tries: 0, fcp: null, input: null, started: null });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === "first-contentful-paint") b.fcp = e.startTime;
  }).observe({ type: "paint", buffered: true });
  addEventListener("TrunkApplicationStarted", () => (b.started = performance.now()));
  const labelled = () => [...document.querySelectorAll("input[id]")].some((i) => document.querySelector(`label[for="${i.id}"]`));
  let firstText = null;
  const summary = () => document.querySelector("[data-testid=risk-summary]");
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
  const type = () => {
    const input = document.getElementById("f-vintage");
    if (b.tti !== null || !input || b.tries++ > 300) return;
    setter.call(input, "7");
    input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: "7" }));
    requestAnimationFrame(type); // the app did not answer within a frame: type again
  };
  const check = () => {
    const now = performance.now();
    if (b.button === null && document.querySelector("button")) b.button = now;
    if (b.input === null && labelled()) b.input = now;
    const s = summary();
    if (!s) return;
    if (b.summary === null) {
      b.summary = now;
      firstText = s.textContent;
      type();
    } else if (b.tti === null && s.textContent !== firstText) b.tti = now;
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
}

async function coldLoad(browser, origin, done) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  try {
    await context.addInitScript(benchInit);
    const page = await context.newPage();
    await page.goto(`${origin}/`, { waitUntil: "commit" });
    await page.waitForFunction(done, null, { polling: 25, timeout: 30_000 });
    return await page.evaluate(() => window.__bench);
  } finally {
    await context.close();
  }
}

// ---- 3. responsiveness, inside one page ----
async function loadExamples(values) { // option values of #example, loaded in this order
  const select = document.getElementById("example");
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const samples = [];
  for (const value of values) {
    let count = 0, last;
    const mo = new MutationObserver(() => { count++; last = performance.now(); });
    mo.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    select.value = value;
    const t0 = (last = performance.now());
    select.dispatchEvent(new Event("change", { bubbles: true }));
    let seen;
    do { seen = count; await frame(); } while (count !== seen); // quiet for one frame
    mo.disconnect();
    const nodes = document.getElementById("results").getElementsByTagName("*").length;
    const name = [...select.options].find((o) => o.value === value).textContent;
    samples.push({ value, name, ms: last - t0, mutations: count, nodes });
  }
  return samples;
}

async function typeEdits(n) {
  const input = document.getElementById("f-vintage");
  const results = document.getElementById("results");
  const text = () => document.querySelector("[data-testid=risk-summary]").textContent;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
  const samples = [];
  const engine = []; // the app's own User Timing measure of form -> case -> assessment
  let unchanged = 0;
  const first = input.value === "59" ? 1 : 0; // every edit changes the value
  for (let i = 0; i < n; i++) {
    const value = (i + first) % 2 ? "61" : "59";
    const before = text();
    samples.push(await new Promise((resolve) => {
      let t0, settled = false;
      const finish = (changed) => {
        if (settled) return;
        settled = true;
        mo.disconnect();
        if (!changed) unchanged++;
        const measure = performance.getEntriesByName("calc-engine", "measure").at(-1);
        if (measure && measure.startTime >= t0 - 1) engine.push(measure.duration);
        resolve(performance.now() - t0);
      };
      const mo = new MutationObserver(() => text() !== before && finish(true));
      mo.observe(results, { childList: true, subtree: true, characterData: true });
      input.focus();
      setter.call(input, value);
      t0 = performance.now();
      input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: value.slice(-1) }));
      requestAnimationFrame(() => finish(false)); // no change expected: time to the next frame
    }));
    await new Promise((r) => requestAnimationFrame(r)); // one keystroke per frame at most
  }
  return { samples, engine, unchanged };
}

// ---- 6. change since the last run ----
// The commit measured, "+dirty" when the work tree differs from it.
function measuredCommit() {
  const git = (...args) => spawnSync("git", args, { cwd: ROOT, encoding: "utf8" });
  const head = git("rev-parse", "--short=12", "HEAD");
  if (head.status !== 0) return "not a git checkout";
  const dirty = git("status", "--porcelain", "--untracked-files=no").stdout.trim() !== "";
  return `${head.stdout.trim()}${dirty ? "+dirty" : ""}`;
}

// "before -> now (+x, +y%)" for one figure; "-" when either run lacks it.
function change(before, now, unit) {
  if (typeof before !== "number" || typeof now !== "number") return `${before ?? "-"} -> ${now ?? "-"}`;
  const show = (x) => (unit === "bytes" ? kb(x) : unit === "ms" ? ms(x) : unit === "x" ? `${x.toFixed(2)}x` : `${x.toFixed(0)}${unit}`);
  const diff = now - before;
  const sign = diff >= 0 ? "+" : "-";
  const abs = Math.abs(diff);
  const delta = unit === "bytes" ? kb(abs) : unit === "ms" ? ms(abs) : unit === "x" ? abs.toFixed(2) : abs.toFixed(0);
  const pct = before !== 0 ? ` ${sign}${Math.abs((diff / before) * 100).toFixed(1)}%` : "";
  return `${show(before)} -> ${show(now)} (${sign}${delta}${pct})`;
}

// The key figures of a report (this run's or the last one's), by name and unit.
function keyFigures(r) {
  const file = (re) => r?.transfer?.files?.find((f) => re.test(f.file))?.gzip;
  const su = r?.startup ?? {};
  const ed = r?.responsiveness?.edits ?? {};
  const nat = r?.native ?? {};
  return [
    ["first visit, gzip", r?.transfer?.firstVisit?.gzip, "bytes"],
    ["app wasm, gzip", file(/^calciphylaxis-app-.*_bg\.wasm$/), "bytes"],
    ["importer wasm, gzip", file(/^calciphylaxis-importer_bg\.wasm$/), "bytes"],
    ["first contentful paint, median", su.appFcp?.median, "ms"],
    ["  ratio to the plain page", su.ratioFcp, "x"],
    ["first risk summary, median", su.summary?.median, "ms"],
    ["  ratio to the plain page", su.ratioSummary, "x"],
    ["interactive, median", su.tti?.median, "ms"],
    ["  ratio to the plain page", su.ratioInteractive, "x"],
    ["keystroke -> results, median", ed.median, "ms"],
    ["keystroke -> results, p95", ed.p95, "ms"],
    ["  engine, median", ed.engine?.median, "ms"],
    ["largest example load, median", r?.responsiveness?.exampleLoads?.largest?.median, "ms"],
    ["criterion assess-en, cases/s", nat.criterion?.["assess-en"]?.casesPerSecond, " /s"],
    ["assess CLI, cases/s", nat.cli?.casesPerSecond, " /s"],
    ["assess --bulk, patients/s", nat.bulk?.patientsPerSecond, " /s"],
  ];
}

/** Section 6 of the report: each key figure of the last run against this one. */
function changeRows(previous, report) {
  if (!previous) return ["6. Change since the last run: no earlier run (target/bench/bench.json) to compare with"];
  const rows = [`6. Change since the last run (${previous.date ?? "?"}, commit ${previous.commit ?? "not recorded"} -> ${report.commit})`];
  const before = keyFigures(previous);
  keyFigures(report).forEach(([name, now, unit], i) => rows.push(`  ${name.padEnd(40)}${change(before[i][1], now, unit)}`));
  return rows;
}

// ---- 4. native engine ----
function nativeEngine() {
  // criterion: throughput of the library itself
  execFileSync("cargo", ["bench", "-p", "calciphylaxis-bench", "--bench", "assess", "--", "--noplot"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  const cases = readdirSync(join(ROOT, "examples", "cases")).filter((f) => f.endsWith(".json")).map((f) => `examples/cases/${f}`);
  const criterion = {};
  for (const lang of ["en", "zh"]) {
    for (const fn of ["parse", "assess", "json"]) {
      const est = JSON.parse(readFileSync(join(ROOT, "target", "criterion", `engine-${lang}`, fn, "new", "estimates.json"), "utf8"));
      const perCase = (ns) => ns / cases.length; // one iteration assesses every example once
      criterion[`${fn}-${lang}`] = {
        nsPerCaseMedian: perCase(est.median.point_estimate),
        nsPerCaseCi95: [perCase(est.median.confidence_interval.lower_bound), perCase(est.median.confidence_interval.upper_bound)],
        casesPerSecond: 1e9 / perCase(est.median.point_estimate),
      };
    }
  }

  // memory: one process over NATIVE_MIN case files
  execFileSync("cargo", ["build", "--release", "--bin", "assess"], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  const bin = join(ROOT, "target", "release", "assess");
  const total = cases.length * Math.ceil(NATIVE_MIN / cases.length);
  const args = Array.from({ length: total }, (_, i) => cases[i % cases.length]);
  const hasTime = existsSync("/usr/bin/time");
  const timeOut = join(tmpdir(), `bench-time-${process.pid}.txt`);
  const [cmd, argv] = hasTime ? ["/usr/bin/time", ["-v", "-o", timeOut, bin, ...args]] : [bin, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`assess exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  const peakRssKb = hasTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeOut, "utf8"))?.[1]) : null;
  if (hasTime) rmSync(timeOut, { force: true });
  return { files: cases.length, criterion, cli: { cases: total, seconds, casesPerSecond: total / seconds, peakRssKb }, bulk: bulkScreening(bin, hasTime) };
}

// ---- 4b. bulk screening: `assess --bulk` over a generated FHIR Bulk Data export ----
// The cohort is made here, into target/bench/bulk-cohort (never committed): each of
// BULK_PATIENTS patients is a copy of one patient of the committed carebundle export
// (tests/fhir/carebundle/bulk-mixed-3) with its own ids and references.
const BULK_PATIENTS = 10_000;
const BULK_TARGET = 1_000; // patients/s

function makeCohort(dir) {
  const source = join(ROOT, "tests", "fhir", "carebundle", "bulk-mixed-3");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const byPatient = new Map(); // template patient ref -> { type -> [resource] }
  for (const file of readdirSync(source).filter((f) => f.endsWith(".ndjson"))) {
    const type = file.replace(/\.ndjson$/, "");
    for (const line of readFileSync(join(source, file), "utf8").split("\n").filter(Boolean)) {
      const r = JSON.parse(line);
      const ref = type === "Patient" ? `Patient/${r.id}` : (r.subject ?? r.patient)?.reference;
      if (!ref) continue;
      if (!byPatient.has(ref)) byPatient.set(ref, {});
      (byPatient.get(ref)[type] ??= []).push(r);
    }
  }
  const templates = [...byPatient.entries()].filter(([, t]) => t.Patient);
  const out = {};
  for (let n = 0; n < BULK_PATIENTS; n++) {
    const [ref, types] = templates[n % templates.length];
    const newRef = `${ref}-${n}`;
    for (const [type, resources] of Object.entries(types)) {
      const lines = (out[type] ??= []);
      for (const r of resources) {
        const copy = { ...r, id: `${r.id}-${n}` };
        if (copy.subject) copy.subject = { ...copy.subject, reference: newRef };
        if (copy.patient) copy.patient = { ...copy.patient, reference: newRef };
        lines.push(JSON.stringify(copy));
      }
    }
  }
  let bytes = 0;
  for (const [type, lines] of Object.entries(out)) {
    const text = lines.join("\n") + "\n";
    bytes += text.length;
    writeFileSync(join(dir, `${type}.ndjson`), text);
  }
  return { patients: BULK_PATIENTS, templates: templates.length, bytes };
}

function bulkScreening(bin, hasTime) {
  const dir = join(ROOT, "target", "bench", "bulk-cohort");
  const cohort = makeCohort(dir);
  const timeOut = join(tmpdir(), `bench-bulk-time-${process.pid}.txt`);
  const [cmd, argv] = hasTime ? ["/usr/bin/time", ["-v", "-o", timeOut, bin, "--bulk", dir]] : [bin, ["--bulk", dir]];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 << 20 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`assess --bulk exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  const lines = String(r.stdout).split("\n").filter(Boolean).length;
  if (lines !== cohort.patients) throw new Error(`assess --bulk printed ${lines} lines for ${cohort.patients} patients`);
  const peakRssKb = hasTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeOut, "utf8"))?.[1]) : null;
  if (hasTime) rmSync(timeOut, { force: true });
  return { ...cohort, seconds, patientsPerSecond: cohort.patients / seconds, target: BULK_TARGET, peakRssKb };
}

// ---- 5. where the wasm bytes are ----
function wasmSections(bytes) {
  const names = { 10: "code", 11: "data" };
  const out = {};
  let i = 8;
  const leb = () => { let v = 0, shift = 0, b; do { b = bytes[i++]; v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80); return v; };
  while (i < bytes.length) {
    const id = bytes[i++];
    const size = leb();
    const name = names[id] ?? "other";
    const body = bytes.subarray(i, i + size);
    out[name] ??= { raw: 0, gzip: 0 };
    out[name].raw += size;
    out[name].gzip += gzipSync(body, { level: 9 }).length;
    i += size;
  }
  return out;
}

function wasmContributors() {
  const wasmFile = files.find((f) => f.file.endsWith(".wasm"));
  const sections = wasmSections(readFileSync(join(SNAPSHOT, wasmFile.file)));
  const named = join(ROOT, "target", "wasm32-unknown-unknown", "release", "calciphylaxis-app.wasm");
  const twiggy = spawnSync("twiggy", ["top", "-n", "1000000", "-f", "csv", named], { encoding: "utf8", maxBuffer: 256 << 20 });
  if (twiggy.status !== 0 || !existsSync(named)) return { sections, twiggy: null };
  const rows = twiggy.stdout.trim().split("\n").slice(1).map((line) => {
    const m = /^"?(.*?)"?,(\d+),([\d.]+),/.exec(line); // Name,ShallowSize,ShallowSizePercent,...
    return m && { name: m[1], bytes: Number(m[2]) };
  }).filter((r) => r && !/^(custom section|"function names"|export |__wbindgen_describe)|subsection/.test(r.name)); // wasm-bindgen removes exports and describe functions
  // Crate of an item: the first path segment of its name, with <impl ...> and generics unwrapped,
  // so that Yew's generic code monomorphised for a component counts as that component's.
  const crateOf = (name) => {
    if (name.startsWith("data segment")) return "(data: strings and tables)";
    const ours = /calciphylaxis::(?:ui::|core::)?[a-z_]+/.exec(name);
    if (ours) return ours[0];
    const m = /([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/.exec(name);
    return m ? m[1] : "(other)";
  };
  const byCrate = {};
  for (const r of rows) byCrate[crateOf(r.name)] = (byCrate[crateOf(r.name)] ?? 0) + r.bytes;
  const top = (entries, n) => entries.sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, bytes]) => ({ name, bytes }));
  return {
    sections,
    twiggy: {
      input: relative(ROOT, named),
      totalBytes: rows.reduce((a, r) => a + r.bytes, 0),
      crates: top(Object.entries(byCrate), 15),
      items: top(rows.map((r) => [r.name, r.bytes]), 12),
    },
  };
}

/** Section 2 of the report (also printed alone with BENCH_ONLY=startup). */
function startupRows() {
  const verdict = (r, target) => `${r.toFixed(2)} (target <= ${target}: ${r <= target ? "PASS" : "OVER"})`;
  return [
    `2. Start-up, cold contexts (navigation -> ...)${"n".padStart(6)}${pad("median", 11)}${pad("p95", 11)}${pad("min", 11)}${pad("max", 11)}`,
    row("app: first contentful paint (the form)", startup.appFcp),
    row("app: first labelled input in the DOM", startup.appInput),
    row("app: first risk summary in the DOM", startup.summary),
    row("app: wasm started (TrunkApplicationStarted)", startup.appStarted),
    row("app: interactive (typed digit -> summary)", startup.tti),
    row("app: first button", startup.appButton),
    row("plain page: first contentful paint", startup.plainFcp),
    row("plain HTML+JS page: first button", startup.plainButton),
    `  ratio app / plain, first contentful paint medians: ${verdict(startup.ratioFcp, 1.2)}`,
    `  ratio first risk summary / plain first button: ${verdict(startup.ratioSummary, 2.0)}`,
    `  ratio interactive / plain first button: ${verdict(startup.ratioInteractive, 2.0)}`,
    `  ratio app / plain, first button medians: ${startup.ratioAppPlainButton.toFixed(2)}`,
  ];
}

// ---- main ----
await snapshotDist();
const loadBefore = loadavg();
const chromiumVersion = execFileSync(CHROMIUM, ["--version"], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
const files = transferSizes();
const app = await serveStatic(SNAPSHOT);
const plain = await serveStatic(PLAIN);
const browser = await launchBrowser();
let startup, examples, edits, firstVisit;
try {
  progress(`start-up: ${RUNS} cold loads each of the app and the plain page (+1 warm-up)`);
  const s = { summary: [], tti: [], appButton: [], plainButton: [], appFcp: [], plainFcp: [], appInput: [], appStarted: [] };
  for (let i = -1; i < RUNS; i++) {
    app.requests.length = 0;
    const a = await coldLoad(browser, app.origin, () => !!window.__bench && window.__bench.tti !== null && window.__bench.fcp !== null);
    if (i === -1) firstVisit = app.requests.filter((r) => r.startsWith("GET ") && r.endsWith(" 200")).map((r) => r.split(" ")[1]);
    const p = await coldLoad(browser, plain.origin, () => !!window.__bench && window.__bench.button !== null && window.__bench.fcp !== null);
    if (i < 0) continue;
    s.summary.push(a.summary); s.tti.push(a.tti); s.appButton.push(a.button); s.plainButton.push(p.button);
    s.appFcp.push(a.fcp); s.plainFcp.push(p.fcp); s.appInput.push(a.input); s.appStarted.push(a.started ?? a.tti);
  }
  startup = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, stats(v)]));
  const ratio = (a, b) => Math.round((a.median / b.median) * 100) / 100;
  startup.ratioAppPlainButton = ratio(startup.appButton, startup.plainButton);
  startup.ratioFcp = ratio(startup.appFcp, startup.plainFcp);
  startup.ratioSummary = ratio(startup.summary, startup.plainButton);
  startup.ratioInteractive = ratio(startup.tti, startup.plainButton);
  if (process.env.BENCH_ONLY === "startup") {
    await browser.close(); await app.close(); await plain.close();
    console.log(startupRows().join("\n"));
    process.exit(0);
  }

  progress(`responsiveness: example loads, then ${EDITS} edits`);
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(`${app.origin}/`);
  await page.waitForSelector("[data-testid=risk-summary]");
  const options = await page.$$eval("#example option", (os) => os.map((o) => o.value).filter(Boolean));
  const loads = await page.evaluate(loadExamples, Array.from({ length: EXAMPLE_ROUNDS }, () => options).flat());
  const byName = {};
  for (const l of loads) (byName[l.name] ??= []).push(l);
  const perExample = Object.fromEntries(Object.entries(byName).map(([name, ls]) => [name, stats(ls.map((l) => l.ms))]));
  const bySize = [...loads].sort((a, b) => a.nodes - b.nodes); // elements in #results
  const [small, large] = [bySize[0], bySize.at(-1)];
  // the largest again, RUNS times, each after the smallest so that every load changes the page
  const again = await page.evaluate(loadExamples, Array.from({ length: RUNS }, () => [small.value, large.value]).flat());
  const largest = { name: large.name, nodes: large.nodes, ...stats(again.filter((l) => l.value === large.value).map((l) => l.ms)) };
  examples = { all: stats(loads.map((l) => l.ms)), options: options.length, perExample, largest };
  await page.selectOption("#example", large.value);
  await page.waitForTimeout(200);
  const typed = await page.evaluate(typeEdits, EDITS);
  edits = { onExample: large.name, unchanged: typed.unchanged, ...stats(typed.samples), engine: typed.engine.length ? stats(typed.engine) : null };
  await context.close();
} finally {
  await browser.close();
  await app.close();
  await plain.close();
}
progress("native engine: criterion (cargo bench -p calciphylaxis-bench), then assess over 10,000 files");
const native = nativeEngine();
const contributors = wasmContributors();

// ---- report ----
const sum = (list, key) => list.reduce((a, f) => a + f[key], 0);
const visited = files.filter((f) => firstVisit.some((p) => (p === "/" ? "index.html" : decodeURIComponent(p.slice(1))) === f.file));
const visit = { requests: firstVisit, raw: sum(visited, "raw"), gzip: sum(visited, "gzip"), brotli: sum(visited, "brotli") };
const budget = visit.gzip <= BUDGET_GZIP_KB * 1000 ? "PASS" : "OVER";
const editVerdict = edits.p95 <= EDIT_TARGET_MS ? "PASS" : "OVER";
const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, chromium: chromiumVersion, node: process.version, platform: `${process.platform} ${process.arch}`,
  loadavg1mStartEnd: [loadBefore[0], loadavg()[0]].map((x) => Math.round(x * 100) / 100) };

const out = [];
out.push(`Calciphylaxis calculator benchmark  (${machine.cpus} CPUs, load ${machine.loadavg1mStartEnd.join(" -> ")}, ${chromiumVersion}, node ${machine.node})`, "");
out.push(`1. Transfer size of dist/ (as served)${"raw".padStart(22)}${pad("gzip -9", 12)}${pad("brotli 11", 12)}`);
for (const f of files) out.push(`  ${f.file.padEnd(54)}${pad(kb(f.raw), 12)}${pad(kb(f.gzip), 12)}${pad(kb(f.brotli), 12)}`);
out.push(`  ${`first visit (${visited.length} files)`.padEnd(54)}${pad(kb(visit.raw), 12)}${pad(kb(visit.gzip), 12)}${pad(kb(visit.brotli), 12)}`);
out.push(`  budget: first-visit gzip <= ${BUDGET_GZIP_KB} KB: ${budget} (${kb(visit.gzip)})`, "");
out.push(...startupRows(), "");
out.push(`3. Responsiveness (warm page)${"n".padStart(23)}${pad("median", 11)}${pad("p95", 11)}${pad("min", 11)}${pad("max", 11)}`);
out.push(row("keystroke -> results DOM", edits));
if (edits.engine) {
  out.push(row("  of which form -> case -> assessment (engine)", edits.engine));
  out.push(`    the rest (event, Yew diff, DOM, layout) at the median: ${ms(edits.median - edits.engine.median)}`);
}
out.push(`  target p95 <= ${EDIT_TARGET_MS} ms: ${editVerdict}   (edits on "${edits.onExample}"; ${edits.unchanged} left the summary as it was: timed to the next frame)`);
out.push(row(`example load -> DOM settled (all ${examples.options})`, examples.all));
out.push(row(`largest (${examples.largest.nodes} elements) -> DOM settled`, examples.largest));
out.push(`    = "${examples.largest.name}"`);
out.push("");
out.push(`4. Native engine (${native.files} example cases)${"ns/case".padStart(24)}${pad("cases/s", 12)}`);
for (const [name, c] of Object.entries(native.criterion)) {
  out.push(`  criterion ${name.padEnd(40)}${pad(c.nsPerCaseMedian.toFixed(0), 10)}${pad(c.casesPerSecond.toFixed(0), 12)}`);
}
out.push(`  assess CLI, one process over ${native.cli.cases} files: ${native.cli.casesPerSecond.toFixed(0)} cases/s (with process start, reads, JSON output);` +
  ` peak RSS ${native.cli.peakRssKb ? `${(native.cli.peakRssKb / 1024).toFixed(1)} MiB` : "not measured (/usr/bin/time missing: apt-get install time)"}`);
const bulk = native.bulk;
out.push(`  assess --bulk, ${bulk.patients} patients (${(bulk.bytes / 1e6).toFixed(0)} MB NDJSON): ${bulk.patientsPerSecond.toFixed(0)} patients/s` +
  ` (target >= ${bulk.target}: ${bulk.patientsPerSecond >= bulk.target ? "PASS" : "UNDER"}); peak RSS ${bulk.peakRssKb ? `${(bulk.peakRssKb / 1024).toFixed(1)} MiB` : "not measured"}`);
out.push("");
const sec = contributors.sections;
out.push(`5. Where the wasm bytes are: code ${kb(sec.code.raw)} raw / ${kb(sec.code.gzip)} gzip, data ${kb(sec.data.raw)} / ${kb(sec.data.gzip)}`);
if (contributors.twiggy) {
  const tw = contributors.twiggy;
  out.push(`  twiggy on ${tw.input} (before wasm-bindgen and wasm-opt: ${kb(tw.totalBytes)} of code and data)`);
  out.push(`  by crate or module: ${tw.crates.map((c) => `${c.name} ${kb(c.bytes)}`).join(", ")}`);
  out.push(`  largest items:`);
  for (const it of tw.items) out.push(`  ${pad(kb(it.bytes), 10)}  ${it.name.length > 100 ? `${it.name.slice(0, 97)}...` : it.name}`);
} else out.push("  (twiggy not installed: `cargo install twiggy --locked` for the per-function list)");
mkdirSync(join(ROOT, "target", "bench"), { recursive: true });
const report = {
  date: new Date().toISOString(), commit: measuredCommit(), machine, units: { time: "ms (page performance.now from navigation start)", size: "bytes" },
  transfer: { files, firstVisit: visit, budgetGzipBytes: BUDGET_GZIP_KB * 1000, budget },
  startup: { runs: RUNS, warmupDiscarded: 1, ...startup },
  responsiveness: { edits: { ...edits, targetP95Ms: EDIT_TARGET_MS, verdict: editVerdict }, exampleLoads: examples },
  native,
  wasmContributors: contributors,
};
// The last run is kept beside this one (bench.previous.json) and compared figure by figure.
const PREVIOUS = join(ROOT, "target", "bench", "bench.previous.json");
let previous = null;
if (existsSync(OUT)) {
  try {
    previous = JSON.parse(readFileSync(OUT, "utf8"));
    cpSync(OUT, PREVIOUS);
  } catch {
    previous = null;
  }
}
out.push("", ...changeRows(previous, report));
console.log(out.join("\n"));
writeFileSync(OUT, JSON.stringify(report, null, 2) + "\n");
console.log(`\nJSON: ${relative(process.cwd(), OUT) || OUT}${previous ? `; the run before: ${relative(process.cwd(), PREVIOUS)}` : ""}`);
