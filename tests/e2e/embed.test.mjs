// The JavaScript API of the wasm module (src/api.rs), used as README "JavaScript API"
// shows: the example page dist/embed/ imports the app's own module and calls assess,
// version and labs. Also: the app page itself exposes them as window.wasmBindings.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CHINESE_WORDS, ROOT, startSuite } from "./harness.mjs";

const TIMEOUT = 60_000;
const CARGO_VERSION = readFileSync(join(ROOT, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m)[1];
const readJson = (...p) => JSON.parse(readFileSync(join(ROOT, ...p), "utf8"));
let suite;

before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

async function openEmbed(t) {
  const s = await suite.newSession(t);
  await s.goto("/embed/");
  await s.page.waitForFunction(() => !!window.calciphylaxis, null, { timeout: 15_000 }).catch((e) => {
    throw new Error(`the embedding example did not start: ${e.message}\n${s.report()}`);
  });
  return s;
}

test("embed page: assess gives the golden assessment, version() is Cargo.toml's, labs() lists units", { timeout: TIMEOUT }, async (t) => {
  const s = await openEmbed(t);
  const page = s.page;
  assert.equal(await page.evaluate(() => window.calciphylaxis.version()), CARGO_VERSION);
  assert.equal(await page.locator("#version").innerText(), CARGO_VERSION);
  // API only: the page keeps its own content and the calculator is not mounted over it.
  assert.ok(await page.locator("#embed").isVisible());
  assert.equal(await page.locator("[data-testid=risk-summary]").count(), 0);

  for (const name of ["msc-candidate-illustrative", "excluded-active-malignancy", "warfarin-low-protein-c-s"]) {
    const input = readJson("examples", "cases", `${name}.json`);
    const golden = readJson("tests", "golden", `${name}.json`);
    const result = await page.evaluate((c) => window.calciphylaxis.assess(c), input);
    assert.equal(result.format, "calciphylaxis-assessment/1");
    assert.equal(result.msc.status, golden.msc.status, name);
    assert.deepEqual(result, golden, `${name}: the browser's assessment equals the native golden file`);
    // serde-wasm-bindgen's json_compatible serializer: plain objects and arrays all the way
    // down (no Map, no BigInt, no undefined), counted in the page on the live value.
    const shape = await page.evaluate((c) => {
      const seen = { plain: 0, other: [] };
      const walk = (v, path) => {
        if (v === null || ["string", "number", "boolean"].includes(typeof v)) return;
        if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}/${i}`));
        if (typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
          seen.plain++;
          return Object.entries(v).forEach(([k, x]) => walk(x, `${path}/${k}`));
        }
        seen.other.push(`${path}: ${Object.prototype.toString.call(v)}`);
      };
      walk(window.calciphylaxis.assess(c), "");
      return seen;
    }, input);
    assert.deepEqual(shape.other, [], `${name}: only plain objects, arrays and JSON scalars`);
    assert.ok(shape.plain > 10, `${name}: the walk saw the assessment's objects`);
  }
  // Follow-up visits are part of the assessment the API gives.
  const visits = readJson("tests", "cases", "follow-up-visits.json");
  const decided = readJson("tests", "golden", "decisions", "follow-up-visits.json").follow_up;
  const followUp = (await page.evaluate((c) => window.calciphylaxis.assess(c), visits)).follow_up;
  assert.equal(followUp.visit_count, 3);
  assert.deepEqual(
    followUp.markers.map((m) => [m.id, m.direction]),
    decided.markers.map((m) => [m.id, m.direction]),
  );
  assert.equal(followUp.treatment_start.date, decided.treatment_start.date);
  const candidate = readJson("examples", "cases", "msc-candidate-illustrative.json");
  assert.equal((await page.evaluate((c) => window.calciphylaxis.assess(c), candidate)).msc.status, "candidate");
  // Chinese is not in the module: before its words are loaded, assess says how to get them
  // (never a result in the wrong language) and labs() has no Chinese names.
  const early = await page.evaluate((c) => window.calciphylaxis.assess(c, "zh"), candidate);
  assert.deepEqual(Object.keys(early), ["error"]);
  assert.match(early.error, /loadLanguage\("zh"\)/);
  assert.equal((await page.evaluate(() => window.calciphylaxis.labs()))[0].name_zh, null);
  const words = s.requests.filter((u) => CHINESE_WORDS.test(u));
  assert.deepEqual(words, [], "the embedding page fetched no Chinese words before asking");
  assert.deepEqual(await page.evaluate(() => window.calciphylaxis.loadLanguage("zh")), { lang: "zh" });
  assert.deepEqual(await page.evaluate(() => window.calciphylaxis.loadLanguage("xx")), { error: 'unknown language "xx": use "en" or "zh"' });
  // The JSON text is accepted too, and Chinese once loaded.
  const zh = await page.evaluate((c) => window.calciphylaxis.assess(JSON.stringify(c), "zh"), candidate);
  assert.equal(zh.msc.status, "candidate");
  assert.notEqual(zh.msc.summary, (await page.evaluate((c) => window.calciphylaxis.assess(c, "en"), candidate)).msc.summary);

  const labs = await page.evaluate(() => window.calciphylaxis.labs());
  const calcium = labs.find((l) => l.id === "calcium_total");
  assert.ok(calcium, "calcium_total listed");
  assert.ok(calcium.units.includes("mg/dL") && calcium.units.includes("mmol/L"), JSON.stringify(calcium));
  assert.match(calcium.name_zh, /钙/, "Chinese names once Chinese is loaded");
  assert.equal(calcium.kind, "numeric");
  assert.equal(await page.locator("#lab-count").innerText(), String(labs.length));
  assert.match(await page.locator("#msc-status").innerText(), /^(candidate|incomplete|not_eligible)$/);
  s.assertClean();
});

test("embed page: caseFromFhir (the importer worker) gives the expected case and its report; assess refuses FHIR", { timeout: TIMEOUT }, async (t) => {
  const s = await openEmbed(t);
  const bundle = readJson("tests", "fhir", "calciphylaxis-dialysis.json");
  const expected = readJson("tests", "fhir", "calciphylaxis-dialysis.case.json");
  const { case: mapped, report } = await s.page.evaluate((b) => window.calciphylaxis.caseFromFhir(b), bundle);
  assert.deepEqual(mapped, expected);
  assert.equal(report.format, "calciphylaxis-fhir-import/1");
  assert.ok(report.skipped.some((x) => x.resource === "Observation/pth-entered-in-error" && x.reason === "entered_in_error"));
  const zh = await s.page.evaluate((b) => window.calciphylaxis.caseFromFhir(JSON.stringify(b), "zh"), bundle);
  assert.ok(zh.report.skipped.some((x) => x.message.includes("录入错误")));
  // The app's module has no FHIR reader: assess says so (never throws), and the case the
  // importer made is assessed as any case.
  const refused = await s.page.evaluate((b) => window.calciphylaxis.assess(b), bundle);
  assert.match(refused.error, /caseFromFhir/);
  const assessment = await s.page.evaluate((c) => window.calciphylaxis.assess(c), mapped);
  assert.equal(assessment.format, "calciphylaxis-assessment/1");
  assert.equal(assessment.diagnosis.population, "uremic");
  const errors = await s.page.evaluate(async () => {
    const f = window.calciphylaxis.caseFromFhir;
    const all = await Promise.all([f("garbage"), f({ resourceType: "Practitioner" }), f({ a: 1 }), f(42), f(undefined)]);
    return all.map((r) => typeof r.error);
  });
  assert.deepEqual(errors, ["string", "string", "string", "string", "string"]);
  s.assertClean();
});

test("embed page: anything that is not a case gives { error } and never throws", { timeout: TIMEOUT }, async (t) => {
  const s = await openEmbed(t);
  const results = await s.page.evaluate(async () => {
    const { assess, loadLanguage } = window.calciphylaxis;
    await loadLanguage("zh");
    return [assess("garbage"), assess("{\"format\": 1"), assess(42), assess(null), assess(undefined), assess([1, 2]),
      assess({ format: "something-else/9" }), assess({ format: "calciphylaxis-case/1" }, "xx"), assess("garbage", "zh")];
  });
  for (const r of results) {
    assert.equal(typeof r.error, "string", JSON.stringify(r));
    assert.ok(r.error.length > 5, JSON.stringify(r));
    assert.equal(Object.keys(r).length, 1, JSON.stringify(r));
  }
  assert.match(results[7].error, /unknown language "xx"/);
  // Neither function throws or rejects, whatever it is given.
  const odd = await s.page.evaluate(async () => {
    const { assess, loadLanguage } = window.calciphylaxis;
    const calls = [() => assess({ format: "calciphylaxis-case/1" }, 42), () => loadLanguage(), () => loadLanguage(null),
      () => loadLanguage(42), () => loadLanguage({}), () => loadLanguage("zh", 42), () => loadLanguage("zh", {})];
    const out = [];
    for (const call of calls) {
      try {
        out.push(await call());
      } catch (e) {
        out.push({ threw: String(e) });
      }
    }
    return out;
  });
  assert.equal(odd[0].error, 'the language must be "en" or "zh"');
  assert.deepEqual(odd.slice(1, 3), [{ lang: "en" }, { lang: "en" }], "no language is English, already here");
  for (const r of odd.slice(3)) assert.deepEqual(Object.keys(r), ["error"], JSON.stringify(odd));
  assert.equal(odd[5].error, "base must be a URL or its text");
  assert.match(results[8].error, /[\u4e00-\u9fff]/, "the error is in Chinese when asked");
  // What JSON cannot hold, or holds too deep or too much of: still { error }, never a throw.
  const hostile = await s.page.evaluate(() => {
    const { assess } = window.calciphylaxis;
    const cyclic = { format: "calciphylaxis-case/1" };
    cyclic.self = cyclic;
    let deep = {};
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const run = (f) => {
      try {
        return f();
      } catch (e) {
        return { threw: String(e) };
      }
    };
    return [
      run(() => assess(cyclic)),
      run(() => assess({ format: "calciphylaxis-case/1", n: 1n })),
      run(() => assess(deep)),
      run(() => assess("[".repeat(100_000))),
      run(() => assess(JSON.stringify({ format: "calciphylaxis-case/1", label: "x".repeat(1 << 20) }))),
      run(() => assess(() => 1)),
      run(() => assess(Symbol("case"))),
      run(() => assess({ format: "calciphylaxis-case/1", label: "x".repeat(1 << 20) })), // an object meets the file's size limit too
    ];
  });
  hostile.forEach((r, i) => {
    assert.equal(typeof r.error, "string", `case ${i}: ${JSON.stringify(r)}`);
    assert.equal(Object.keys(r).length, 1, `case ${i}: ${JSON.stringify(r)}`);
  });
  assert.match(hostile[0].error, /cannot be written as JSON/);
  assert.match(hostile[3].error, /not valid JSON: nested too deeply/);
  assert.match(hostile[4].error, /at most 1048576 bytes/);
  assert.match(hostile[5].error, /cannot be written as JSON/);
  assert.match(hostile[7].error, /at most 1048576 bytes/);
  // A case with a bad field is still a case: assessed, with the problem in input_errors.
  const partial = await s.page.evaluate(() =>
    window.calciphylaxis.assess({ format: "calciphylaxis-case/1", patient: { age_years: "old" }, labs: { calcium_total: { value: 10, unit: "furlongs" } } }),
  );
  assert.equal(partial.error, undefined);
  assert.ok(partial.input_errors.length >= 1, JSON.stringify(partial.input_errors));
  s.assertClean();
});

test("the app page exposes the same API as window.wasmBindings after TrunkApplicationStarted", { timeout: TIMEOUT }, async (t) => {
  const s = await suite.newSession(t);
  await s.goto("/");
  await s.waitForApp("h1");
  const out = await s.page.evaluate(() => {
    const b = window.wasmBindings;
    return { version: b.version(), n: b.labs().length, error: b.assess("garbage").error };
  });
  assert.equal(out.version, CARGO_VERSION);
  assert.ok(out.n > 10);
  assert.equal(typeof out.error, "string");
  s.assertClean();
});
