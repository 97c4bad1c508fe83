// Regenerates the README's screenshots from the release build (dist/):
//   node scripts/screenshots.mjs   (after `make build`)
// Desktop and phone width, English and Chinese, with the warfarin teaching case loaded. On
// the phone: a lab field far down the form with the results at a glance above it, and the
// full results. Then the review of a pasted laboratory printout at phone width, in each
// language (the printouts of tests/paste/).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, serveStatic, launchBrowser } from "../tests/e2e/harness.mjs";

const server = await serveStatic();
const browser = await launchBrowser();
const shots = [
  ["desktop", { width: 1280, height: 900 }, "en"],
  ["phone", { width: 390, height: 844 }, "en"],
  ["phone-results", { width: 390, height: 844 }, "en"],
  ["desktop-zh", { width: 1280, height: 900 }, "zh"],
  ["phone-zh", { width: 390, height: 844 }, "zh"],
  ["phone-results-zh", { width: 390, height: 844 }, "zh"],
];
for (const [name, viewport, lang] of shots) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(server.origin + "/");
  await page.waitForSelector("[data-testid=risk-summary]");
  await page.selectOption("#lang", lang);
  await page.selectOption("#example", "3"); // on warfarin, low protein C and S
  if (name.startsWith("phone-results")) await page.evaluate(() => document.getElementById("results").scrollIntoView());
  else if (name.startsWith("phone")) await page.locator("#lab-protein_c_activity").focus();
  await page.locator('[data-factor="warfarin"] details.why').evaluate((d) => (d.open = true));
  await page.waitForTimeout(200);
  const path = join(ROOT, "docs", "screenshots", `${name}.png`);
  await page.screenshot({ path });
  console.log(path);
  await context.close();
}
for (const [name, lang, printout] of [["phone-review", "en", "en-printout.txt"], ["phone-review-zh", "zh", "zh-printout.txt"]]) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(server.origin + "/");
  await page.waitForSelector("[data-testid=risk-summary]");
  await page.selectOption("#lang", lang);
  await page.locator("[data-testid=paste-box] summary").click();
  await page.locator("#paste-text").fill(readFileSync(join(ROOT, "tests", "paste", printout), "utf8"));
  await page.locator("[data-testid=paste-read]").click();
  await page.locator("[data-testid=import-review]").waitFor();
  await page.locator("[data-testid=import-review] tbody tr").nth(2).locator("input").uncheck();
  await page.locator("[data-testid=import-review]").evaluate((e) => e.scrollIntoView());
  await page.waitForTimeout(200);
  const path = join(ROOT, "docs", "screenshots", `${name}.png`);
  await page.screenshot({ path });
  console.log(path);
  await context.close();
}
await browser.close();
await server.close();
