// Regenerates the README's screenshots from the release build (dist/):
//   node scripts/screenshots.mjs   (after `make build`)
// Desktop and phone width, English and Chinese, with the warfarin teaching case loaded. On
// the phone: a lab field far down the form with the results at a glance above it, and the
// full results.
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
await browser.close();
await server.close();
