// Minimal embedding of the calciphylaxis engine: import the app's own wasm module and call
// its API. The build (scripts/sw-precache.mjs) writes the hashed names of the module's
// JS glue and wasm into the two paths below.
import init, { assess, labs, loadLanguage, version } from "../__APP_JS__";

await init({ module_or_path: new URL("../__APP_WASM__", import.meta.url) });

const exampleCase = {
  format: "calciphylaxis-case/1",
  label: "embedding example",
  patient: { age_years: 58, sex: "female" },
  kidney: { ckd_stage: "G5D", dialysis: "hemodialysis", dialysis_vintage_months: 48 },
  findings: {},
  labs: { calcium_total: { value: 10.8, unit: "mg/dL" }, phosphate: { value: 1.9, unit: "mmol/L" } },
};

const result = assess(exampleCase, "en");
document.getElementById("version").textContent = version();
document.getElementById("msc-status").textContent = result.error ? `error: ${result.error}` : result.msc.status;
document.getElementById("lab-count").textContent = String(labs().length);

// The FHIR reader is not in the app's module: it is the importer, a second module that runs
// as a web worker (messages in src/import.rs), started here on the first call only.
let importer;
let nextId = 0;
const waiting = new Map();

function startImporter() {
  const worker = new Worker(new URL("../calciphylaxis-importer_loader.js", import.meta.url));
  return new Promise((resolve) => {
    worker.onmessage = (event) => {
      const reply = JSON.parse(event.data);
      if (reply.kind === "ready") return resolve(worker);
      const done = waiting.get(reply.id);
      waiting.delete(reply.id);
      done?.(reply.kind === "imported" ? { case: reply.case, report: reply.report } : { error: reply.error });
    };
  });
}

/** A FHIR R4 record (object or JSON text) → Promise of { case, report } or { error }. */
async function caseFromFhir(input, lang = "en") {
  let text;
  try {
    text = typeof input === "string" ? input : JSON.stringify(input) ?? "";
  } catch (e) {
    text = "";
  }
  importer ??= startImporter();
  const worker = await importer;
  return new Promise((resolve) => {
    const id = ++nextId;
    waiting.set(id, resolve);
    worker.postMessage(JSON.stringify({ id, text, lang, only: "fhir" }));
  });
}

// Chinese is not in the module: its words are fetched once, from beside the module's files
// (this page is one directory below them, so it says where: a URL or its text).
const loadWords = (lang, base = new URL("..", import.meta.url)) => loadLanguage(lang, base);

// For the end-to-end test and for the console.
window.calciphylaxis = { assess, caseFromFhir, labs, loadLanguage: loadWords, version };
dispatchEvent(new CustomEvent("calciphylaxis-ready"));
