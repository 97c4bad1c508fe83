// A whole case with the keyboard only, in headless Chromium. After the page has loaded,
// the first session uses nothing but page.keyboard (Tab, Shift+Tab, typing, Space, Enter,
// arrow keys, Escape): no clicks, no fill, no selectOption. It enters the warfarin teaching
// case (labs in five units, one unit changed and one converted with the keyboard, tri-states
// toggled, lesion sites, a qualitative lab), opens a "Why?", the share dialog (closed with
// Escape), switches the language and back, and exports the case. A second session loads
// the same example with the example loader: form, results and exported file must be equal.
// At every stop the focused element must show a focus ring, and Tab must walk the whole
// page to its end without getting trapped.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, startSuite, formState } from "./harness.mjs";

const TIMEOUT = 240_000;
const EXAMPLE = "warfarin-low-protein-c-s";
// Its place in EXAMPLES (src/ui/mod.rs), which is the example selector's option value.
const EXAMPLE_INDEX = "3";
const example = JSON.parse(readFileSync(join(ROOT, "examples", "cases", `${EXAMPLE}.json`), "utf8"));
let suite;

before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

/** The focused element, with whether it shows a focus indicator. null when nothing is. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const path = (e) => {
      const parts = [];
      for (; e && e.parentElement; e = e.parentElement) parts.unshift(`${e.tagName.toLowerCase()}${[...e.parentElement.children].indexOf(e)}`);
      return parts.join("/");
    };
    // The file input is invisible on purpose; its label (the visible "button") shows its ring.
    const ringOn = el.id === "import-file" ? document.querySelector('label[for="import-file"]') : el;
    const cs = getComputedStyle(ringOn);
    const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0 && cs.outlineColor !== "rgba(0, 0, 0, 0)";
    const shadow = cs.boxShadow !== "none" && cs.boxShadow !== "";
    const box = ringOn.getBoundingClientRect();
    return {
      key: el.id ? `#${el.id}` : path(el),
      id: el.id,
      tag: el.tagName.toLowerCase(),
      name: el.getAttribute("name") || "",
      value: "value" in el ? el.value : null,
      checked: "checked" in el ? el.checked : null,
      text: (el.textContent || "").trim().slice(0, 50),
      ring: outline || shadow,
      style: `outline: ${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}; box-shadow: ${cs.boxShadow}`,
      rendered: box.width > 0 && box.height > 0,
    };
  });

/** Presses `key`; the element then focused must exist, be rendered and show a focus ring. */
async function press(page, key) {
  await page.keyboard.press(key);
  const f = await focused(page);
  assert.ok(f, `after ${key}, nothing is focused`);
  assert.ok(f.rendered, `after ${key}, the focused ${f.key} is not rendered`);
  assert.ok(f.ring, `after ${key}, the focused ${f.key} (${f.text}) shows no focus indicator: ${f.style}`);
  return f;
}

const matches = (page, selector) => page.evaluate((sel) => !!document.activeElement?.matches(sel), selector);

/** Tab (or Shift+Tab) until the focused element matches `target`: a selector, or a test of `focused()`. */
async function tabTo(page, target, { back = false, max = 400 } = {}) {
  const key = back ? "Shift+Tab" : "Tab";
  for (let i = 0; i < max; i++) {
    const f = await press(page, key);
    if (typeof target === "function" ? target(f) : await matches(page, target)) return f;
  }
  assert.fail(`${target} was not reached with ${key} in ${max} presses`);
}

/** Types into the focused field, which must be `selector` and empty; focus must stay. */
async function typeInto(page, selector, text) {
  assert.ok(await matches(page, selector), `typing into ${selector}, but ${(await focused(page))?.key} is focused`);
  assert.equal((await focused(page)).value, "", `${selector} is not empty`);
  await page.keyboard.type(text);
  const f = await focused(page);
  assert.ok(await matches(page, selector), `focus left ${selector} while typing (now ${f?.key})`);
  assert.equal(f.value, text, `${selector} holds what was typed`);
  assert.ok(f.ring);
}

/** Chooses `value` in the focused <select> with the arrow keys (the list is not opened). */
async function choose(page, value) {
  const { values, index, id } = await page.evaluate(() => {
    const el = document.activeElement;
    return { values: [...el.options].map((o) => o.value), index: el.selectedIndex, id: el.id };
  });
  const wanted = values.indexOf(value);
  assert.ok(wanted >= 0, `#${id} has no option ${value}: ${values}`);
  const key = wanted > index ? "ArrowDown" : "ArrowUp";
  for (let i = 0; i < Math.abs(wanted - index); i++) {
    const f = await press(page, key);
    assert.equal(f.id, id, `focus left #${id} while choosing`);
  }
  const f = await focused(page);
  assert.equal(f.id, id);
  assert.equal(f.value, value, `#${id} shows ${value}`);
}

/** In the focused radio group `name`, moves with the arrow keys to the `wanted` answer. */
async function answer(page, name, wanted) {
  const target = `${name}-${wanted}`;
  for (let i = 0; i < 3 && (await focused(page)).id !== target; i++) {
    const f = await press(page, "ArrowLeft");
    assert.equal(f.name, name, `the arrow key left the group ${name}`);
  }
  const f = await focused(page);
  assert.equal(f.id, target);
  assert.equal(f.checked, true, `${target} is checked`);
}

/** What the results show: counts, tiers, every workup status, every factor, MSC. */
const results = (page) =>
  page.evaluate(() => ({
    major: document.querySelector("[data-testid=major-count]").innerText,
    minor: document.querySelector("[data-testid=minor-count]").innerText,
    summary: document.querySelector("[data-testid=summary]").innerText,
    consensus: document.querySelector("[data-testid=consensus-summary]").innerText,
    workup: Object.fromEntries([...document.querySelectorAll("#workup [data-test]")].map((li) => [li.dataset.test, li.className])),
    factors: Object.fromEntries([...document.querySelectorAll("#risk [data-factor]")].map((li) => [li.dataset.factor, li.querySelector(".badge").innerText])),
    msc: document.querySelector("[data-testid=msc-status]").innerText,
    all: document.querySelector("#results").innerText,
  }));

/**
 * Tab from where focus is until it leaves the page's last control (or comes back to where
 * it started). Returns the keys of the elements visited, in order.
 */
async function tabToEnd(page, max = 1000) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (!f || (seen.length && f.key === seen[0])) return seen;
    assert.ok(f.rendered, `${f.key} is focused but not rendered`);
    assert.ok(f.ring, `${f.key} (${f.text}) shows no focus indicator: ${f.style}`);
    assert.ok(!seen.includes(f.key), `Tab came back to ${f.key} before the end of the page: trapped in ${seen.slice(seen.indexOf(f.key)).join(" → ")}`);
    seen.push(f.key);
  }
  assert.fail(`Tab did not reach the end of the page in ${max} presses`);
}

/** The case, as steps in the form: each names the control to Tab to and what to do there. */
function steps() {
  const text = (value) => async (page, sel) => typeInto(page, sel, value);
  const select = (value) => async (page) => choose(page, value);
  const tri = (name, wanted) => async (page) => answer(page, name, wanted);
  const space = async (page, sel) => {
    await press(page, "Space");
    assert.ok(await page.evaluate((s) => document.querySelector(s).checked, sel), `${sel} is checked`);
  };
  const p = example.patient;
  const k = example.kidney;
  const steps = [
    ["#f-label", text(example.label)],
    ["#f-age", text(String(p.age_years))],
    ["#f-sex", select(p.sex)],
    ["#f-weight", text(String(p.weight_kg))],
    ["#f-height", text(String(p.height_cm))],
    ["#f-ckd", select(k.ckd_stage)],
    ["#f-dialysis", select(k.dialysis)],
    ["#f-vintage", text(String(k.dialysis_vintage_months))],
    ['input[name="f-transplant"]', tri("f-transplant", k.kidney_transplant ? "yes" : "no")],
    ["#f-lesions", text(String(example.lesions.count))],
    ["#f-biopsy", select(example.lesions.biopsy)],
    ...example.lesions.sites.map((site) => [`#site-${site}`, space]),
  ];
  for (const [id, value] of Object.entries(example.findings)) {
    const name = `finding-${id}`;
    if (id === "diabetes_mellitus") {
      // Toggled: yes, then no, then yes again.
      steps.push([`input[name="${name}"]`, async (page) => {
        await answer(page, name, "yes");
        const f = await press(page, "ArrowRight");
        assert.equal(f.id, `${name}-no`);
        assert.equal(f.checked, true);
        await answer(page, name, "yes");
      }]);
    } else {
      steps.push([`input[name="${name}"]`, tri(name, value ? "yes" : "no")]);
    }
  }
  for (const [lab, entry] of Object.entries(example.labs)) {
    if (entry.result) {
      steps.push([`#lab-${lab}`, select(entry.result)]);
    } else if (lab === "albumin") {
      // Typed in the default g/dL, then converted with the unit selector: 3.1 g/dL = 31 g/L.
      steps.push([`#lab-${lab}`, async (page, sel) => {
        assert.equal(entry.unit, "g/L");
        await typeInto(page, sel, String(entry.value / 10));
        await press(page, "Tab");
        assert.ok(await matches(page, `#lab-${lab}-unit`));
        await choose(page, "g/L");
        const f = await press(page, "Shift+Tab");
        assert.equal(f.id, `lab-${lab}`);
        assert.equal(f.value, String(entry.value), "the value typed is converted to the new unit");
      }]);
    } else {
      steps.push([`#lab-${lab}`, async (page, sel) => {
        const unit = await page.evaluate((u) => document.querySelector(u)?.value ?? null, `${sel}-unit`);
        if (unit !== null && unit !== entry.unit) {
          // The unit first: on to its selector, choose, and Shift+Tab back to the value.
          await press(page, "Tab");
          assert.ok(await matches(page, `${sel}-unit`));
          await choose(page, entry.unit);
          const f = await press(page, "Shift+Tab");
          assert.equal(`#${f.id}`, sel);
        }
        await typeInto(page, sel, String(entry.value));
      }]);
    }
  }
  return steps;
}

test("keyboard only: a whole case, a Why?, the share dialog, the language and back, export; equal to the example loaded", { timeout: TIMEOUT }, async (t) => {
  const s = await suite.newSession(t, { acceptDownloads: true });
  const page = s.page;
  await s.goto("/");
  await s.waitForApp("[data-testid=risk-summary]");

  // The steps in the order Tab reaches them (the page's own order).
  const plan = steps();
  const order = await page.evaluate(
    (sels) => {
      const all = [...document.querySelectorAll("*")];
      return sels.map((sel) => {
        const el = document.querySelector(sel);
        return el ? all.indexOf(el) : -1;
      });
    },
    plan.map(([sel]) => sel),
  );
  order.forEach((position, i) => assert.ok(position >= 0, `${plan[i][0]} is not on the page`));
  const ordered = plan.map((step, i) => [...step, order[i]]).sort((a, b) => a[2] - b[2]);
  for (const [sel, act] of ordered) {
    await tabTo(page, sel);
    await act(page, sel);
  }
  const typed = await formState(page);
  await page.getByTestId("msc-status").waitFor();

  // A "Why?" of the results, opened with Enter and closed with Space.
  const why = await tabTo(page, "#results details.why > summary");
  assert.equal(why.text, "Why?");
  await press(page, "Enter");
  // The body renders on the toggle event, a moment after the details open.
  await page.waitForFunction(() => document.activeElement?.parentElement?.querySelector("dl"), null, { timeout: 5000 });
  const opened = await page.evaluate(() => {
    const details = document.activeElement.parentElement;
    const dl = details.querySelector("dl");
    return { open: details.open, shown: dl.getClientRects().length > 0, text: dl.innerText };
  });
  assert.ok(opened.open && opened.shown, "Enter opened the explanation");
  assert.match(opened.text, /Basis/);
  await press(page, "Space");
  assert.equal(await page.evaluate(() => document.activeElement.parentElement.open), false, "Space closed it");

  // Back up to the share button: Enter opens the dialog with focus inside, Escape closes it
  // and gives focus back to the button.
  const share = 'button[aria-haspopup="dialog"]:not([data-testid="note-button"])';
  await tabTo(page, share, { back: true });
  await press(page, "Enter");
  await page.getByTestId("share-dialog").waitFor({ timeout: 5000 });
  assert.ok(await matches(page, "[data-testid=share-dialog], [data-testid=share-dialog] *"), "focus moved into the dialog");
  const ring = await focused(page);
  assert.ok(ring.ring, `the focused dialog shows no focus indicator: ${ring.style}`);
  await press(page, "Escape");
  assert.equal(await page.getByTestId("share-dialog").count(), 0, "Escape closed the dialog");
  assert.ok(await matches(page, share), "focus is back on the share button");

  // The language, with the arrow keys: the form and the focus stay.
  await tabTo(page, "#lang", { back: true });
  await choose(page, "zh");
  await page.locator("h1").filter({ hasText: "钙化防御计算器" }).waitFor({ timeout: 5000 });
  assert.equal(await page.locator("html").getAttribute("lang"), "zh-Hans");
  assert.ok(await matches(page, "#lang"), "focus stays on the language selector after the page re-renders");
  assert.equal(await page.locator('label[for="f-age"]').innerText(), "年龄（岁）");
  assert.deepEqual(await formState(page), typed, "nothing typed is lost in Chinese");
  await choose(page, "en");
  await page.locator("h1").filter({ hasText: "Calciphylaxis calculator" }).waitFor({ timeout: 5000 });
  assert.ok(await matches(page, "#lang"));
  assert.deepEqual(await formState(page), typed, "nothing typed is lost back in English");

  // Export with Enter.
  await tabTo(page, (f) => f.tag === "button" && f.text === "Export case (JSON)");
  const [download] = await Promise.all([page.waitForEvent("download"), press(page, "Enter")]);
  const exported = JSON.parse(readFileSync(await download.path(), "utf8"));

  // Tab walks on to the end of the page, then the whole page from its top, never trapped.
  await tabToEnd(page);
  const walk = await tabToEnd(page);
  const expected = await page.evaluate(() => {
    const visible = (e) => e.getClientRects().length > 0 || e.id === "import-file";
    const candidates = [...document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]")].filter(
      (e) => !e.disabled && e.tabIndex >= 0 && visible(e) && !e.closest("details:not([open]) > :not(summary)"),
    );
    const path = (e) => {
      const parts = [];
      for (; e && e.parentElement; e = e.parentElement) parts.unshift(`${e.tagName.toLowerCase()}${[...e.parentElement.children].indexOf(e)}`);
      return parts.join("/");
    };
    const key = (e) => (e.id ? `#${e.id}` : path(e));
    const form = [...document.querySelectorAll("form.inputs input, form.inputs select")]
      .filter((e) => e.type !== "radio" || e.checked)
      .map((e) => `#${e.id}`);
    const last = candidates.at(-1);
    // A radio group is one Tab stop: its checked radio.
    const stops = candidates.filter((e) => e.type !== "radio" || e.checked).map(key);
    return { form, stops, first: key(candidates[0]), last: key(last), lastText: last.textContent.trim().slice(0, 50) };
  });
  t.diagnostic(`Tab walk: ${walk.length} stops, from ${walk[0]} to ${walk.at(-1)} (${expected.lastText})`);
  assert.equal(walk[0], expected.first, "the walk starts at the page's first control");
  for (const control of expected.form) assert.ok(walk.includes(control), `${control} is never reached with Tab`);
  assert.deepEqual(walk, expected.stops, "Tab stops at every control of the page, in the page's order");
  assert.equal(walk.at(-1), expected.last, `the walk ends at the page's last control (${expected.lastText})`);
  assert.equal(await focused(page), null, "after the last control, focus leaves the page");

  // The same example, loaded by the example loader in a second session.
  const s2 = await suite.newSession(t, { acceptDownloads: true });
  await s2.goto("/");
  await s2.waitForApp("[data-testid=risk-summary]");
  await s2.page.locator("#example").selectOption(EXAMPLE_INDEX);
  await s2.page.waitForFunction((label) => document.querySelector("#f-label").value === label, example.label, { timeout: 5000 });
  assert.deepEqual(typed, await formState(s2.page), "the form typed equals the example loaded");
  const mine = await results(page);
  const theirs = await results(s2.page);
  assert.equal(mine.major, "Major: 1");
  assert.equal(mine.minor, "Minor: 5"); // hypercalcaemia unknown (issue 14 item 7)
  assert.equal(mine.msc, theirs.msc);
  assert.equal(mine.major, theirs.major);
  assert.equal(mine.minor, theirs.minor);
  assert.equal(mine.summary, theirs.summary);
  assert.equal(mine.consensus, theirs.consensus);
  assert.deepEqual(mine.workup, theirs.workup);
  assert.deepEqual(mine.factors, theirs.factors);
  assert.equal(mine.all, theirs.all, "every result shown is the same");
  const [theirDownload] = await Promise.all([s2.page.waitForEvent("download"), s2.page.getByRole("button", { name: "Export case (JSON)" }).click()]);
  // Lesion sites are a set: ticked boxes are kept in the form's order, a loaded file's in its own.
  const sitesSorted = (c) => ({ ...c, lesions: { ...c.lesions, sites: [...c.lesions.sites].sort() } });
  const loaded = JSON.parse(readFileSync(await theirDownload.path(), "utf8"));
  assert.deepEqual(sitesSorted(exported), sitesSorted(loaded), "the exported files are equal");
  s.assertClean();
  s2.assertClean();
});
