// Minimal embedding of the calciphylaxis engine: import the app's own wasm module and call
// its API. The build (scripts/sw-precache.mjs) writes the hashed names of the module's
// JS glue and wasm into the two paths below.
import init, { assess, caseFromFhir, labs, version } from "../__APP_JS__";

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

// For the end-to-end test and for the console.
window.calciphylaxis = { assess, caseFromFhir, labs, version };
dispatchEvent(new CustomEvent("calciphylaxis-ready"));
