// SPDX-License-Identifier: MIT
// End-to-end test of the web app: starts `entente serve --port 0`, drives Debian's headless
// Chromium with playwright-core (which cannot download a browser here) through what an analyst
// does, and saves a screenshot after each step.
//
//   node web/e2e/run.mjs [path/to/entente]
//
// Environment: ENTENTE_BINARY (when no argument), CHROMIUM (default /usr/bin/chromium),
// E2E_ARTIFACTS (screenshots and the downloaded report; default ./e2e-artifacts),
// E2E_SWEEP_DRAWS (draws of the sweep that runs to the end; default 2000),
// E2E_HEADED=1 to watch. Exit 0 when every step passed, 1 otherwise (the failing step, its
// error and a screenshot are reported). The server is killed in every case.
// Plain Node 18 ESM: no test framework.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

const binary = process.argv[2] || process.env.ENTENTE_BINARY;
const browserPath = process.env.CHROMIUM || "/usr/bin/chromium";
const artifacts = path.resolve(process.env.E2E_ARTIFACTS || "e2e-artifacts");
const sweepDraws = Number(process.env.E2E_SWEEP_DRAWS || 2000);
const STEP_MS = 60_000;

function fail(message) {
  console.error(`e2e: ${message}`);
  process.exit(1);
}

if (!binary || !fs.existsSync(binary)) {
  fail(`no entente binary (got ${JSON.stringify(binary)}): pass its path or set ENTENTE_BINARY`);
}
if (!fs.existsSync(browserPath)) {
  fail(`no Chromium at ${browserPath}: install chromium (scripts/deps.sh test) or set CHROMIUM`);
}
fs.mkdirSync(artifacts, { recursive: true });
for (const f of fs.readdirSync(artifacts)) {
  if (/\.(png|html)$/.test(f)) fs.rmSync(path.join(artifacts, f)); // only this run's files remain
}

// ---------- the server ----------

/** Starts `entente serve` and resolves with {proc, url} once it prints its address. */
let serverProc = null; // killed on every way out, signals included
process.on("exit", () => serverProc && serverProc.exitCode === null && serverProc.kill("SIGKILL"));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(1));

function startServer(storeDir) {
  const proc = (serverProc = spawn(binary, ["serve", "--port", "0", "--store", path.join(storeDir, "runs.sqlite")], {
    stdio: ["ignore", "pipe", "pipe"],
  }));
  let stderr = "";
  proc.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`no address from entente serve in 20 s; stderr: ${stderr}`)), 20_000);
    proc.stdout.on("data", (d) => {
      out += d;
      const line = out.split("\n")[0];
      if (!out.includes("\n")) return;
      clearTimeout(timer);
      const m = /http:\/\/\S+/.exec(line);
      if (!m) reject(new Error(`unexpected first line from entente serve: ${line}`));
      else resolve({ proc, url: m[0].replace(/\/$/, ""), stderr: () => stderr });
    });
    proc.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`entente serve exited (${code}) before it listened; stderr: ${stderr}`));
    });
  });
}

async function stopServer(server) {
  if (!server || server.proc.exitCode !== null) return;
  const exited = new Promise((r) => server.proc.once("exit", r));
  server.proc.kill("SIGTERM");
  const timeout = new Promise((r) => setTimeout(() => r("timeout"), 5000));
  if ((await Promise.race([exited, timeout])) === "timeout") server.proc.kill("SIGKILL");
}

// ---------- helpers ----------

const tid = (id) => `[data-testid="${id}"]`;

async function shot(page, name) {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

/** Waits until fn() returns a truthy value (polling), else throws `what`. */
async function until(fn, what, ms = STEP_MS) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function go(page, view) {
  await page.click(tid(`nav-${view}`));
  await until(async () => (await page.evaluate(() => location.hash)).startsWith(`#/${view}`), `#/${view}`);
}

/** Selects only `model` in the forecast view (a <select multiple> or model-<name> checkboxes). */
async function chooseOnly(page, model) {
  await until(async () => (await page.locator(`select${tid("model-select")}, input[type="checkbox"]${tid(`model-${model}`)}`).count()) > 0,
    `the forecast view's model choice (model-select or model-${model})`);
  const select = page.locator(`select${tid("model-select")}`);
  if ((await select.count()) > 0) {
    const values = await select.evaluate((el, m) =>
      [...el.options].filter((o) => o.value === m || o.value.startsWith(`${m}(`)).map((o) => o.value), model);
    if (values.length === 0) throw new Error(`model-select has no option for ${model}`);
    await select.selectOption(values.slice(0, 1));
    return;
  }
  const boxes = page.locator('input[type="checkbox"][data-testid^="model-"]');
  const n = await boxes.count();
  if (n === 0) throw new Error("neither a model-select nor model-<name> checkboxes in the forecast view");
  for (let i = 0; i < n; i++) {
    const box = boxes.nth(i);
    const want = (await box.getAttribute("data-testid")) === `model-${model}`;
    if ((await box.isChecked()) !== want) await box.setChecked(want);
  }
}

async function forecastOf(page, issue) {
  return page.locator(tid(`forecast-chart-${issue}`)).getAttribute("data-forecast");
}

/** Runs the forecast and returns the issue's data-forecast once it changed from `before`. */
async function runForecast(page, issue, before) {
  await page.click(tid("run-button"));
  return until(async () => {
    const loc = page.locator(tid(`forecast-chart-${issue}`));
    if ((await loc.count()) === 0) return null;
    const v = await loc.getAttribute("data-forecast");
    return v && v !== before && v !== "[]" ? v : null;
  }, `forecast-chart-${issue}'s data-forecast to change`);
}

/** Samples the sweep's <progress> every animation frame until the status matches `done`. */
async function watchSweep(page, doneRe, afterStart) {
  await page.evaluate(() => {
    window.__sweepSamples = [];
    const tick = () => {
      const p = document.querySelector('[data-testid="sweep-progress"]');
      if (p) window.__sweepSamples.push([Number(p.value), Number(p.max)]);
      window.__sweepTimer = requestAnimationFrame(tick);
    };
    tick();
  });
  if (afterStart) await afterStart();
  const status = await until(async () => {
    const s = (await page.locator(tid("sweep-status")).textContent()) || "";
    return doneRe.test(s) ? s : null;
  }, `sweep-status to match ${doneRe}`, 120_000);
  const samples = await page.evaluate(() => {
    cancelAnimationFrame(window.__sweepTimer);
    return window.__sweepSamples;
  });
  return { status, samples };
}

// ---------- the steps ----------

const results = [];
async function step(page, name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push(name);
    console.log(`ok ${results.length} - ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (e) {
    console.error(`not ok ${results.length + 1} - ${name}: ${e.message}`);
    await shot(page, `failed-${results.length + 1}`).catch(() => {});
    throw e;
  }
}

async function main() {
  const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), "entente-e2e-"));
  let server;
  let browser;
  const pageErrors = [];
  try {
    server = await startServer(storeDir);
    browser = await chromium.launch({
      executablePath: browserPath,
      headless: process.env.E2E_HEADED !== "1",
      args: ["--no-sandbox", "--disable-dev-shm-usage"],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    page.on("pageerror", (e) => pageErrors.push(e.message));
    const issue = "TERRITORY";
    let baseline;

    await step(page, "open the app", async () => {
      const t0 = Date.now();
      await page.goto(`${server.url}/`);
      await page.locator(tid("nav-scenarios")).waitFor();
      console.log(`# app shell visible ${Date.now() - t0} ms after navigation`);
      await shot(page, "01-app");
    });

    await step(page, "load ukraine-2025", async () => {
      await go(page, "scenarios");
      await page.click(tid("load-ukraine-2025"));
      await until(async () => (await page.evaluate(() => location.hash)).startsWith("#/editor"), "#/editor after loading");
      await until(async () => /Ukraine/i.test((await page.locator(tid("scenario-title")).textContent()) || ""),
        "scenario-title to show the scenario");
      await page.locator(tid(`cell-RUS-${issue}-salience`)).waitFor();
      await shot(page, "02-editor");
    });

    await step(page, "run eum on the forecast view", async () => {
      await go(page, "forecast");
      await chooseOnly(page, "eum");
      const before = await page.locator(tid(`forecast-chart-${issue}`)).count() ? await forecastOf(page, issue) : null;
      baseline = await runForecast(page, issue, before);
      if (!baseline.includes("67.17")) throw new Error(`eum on ${issue} should be 67.17..., data-forecast=${baseline}`);
      await shot(page, "03-forecast");
    });

    await step(page, "change a salience in the editor", async () => {
      await go(page, "editor");
      const cell = page.locator(tid(`cell-RUS-${issue}-salience`));
      await cell.fill("10");
      await cell.press("Tab");
      await until(async () => (await cell.inputValue()) === "10", "the cell to keep 10");
      if (await cell.evaluate((el) => el.classList.contains("invalid"))) throw new Error("salience 10 marked invalid");
      await shot(page, "04-edited");
    });

    await step(page, "re-run eum: the forecast changes", async () => {
      await go(page, "forecast");
      // The edit was re-run in the background already (the view shows it on opening); the Run
      // button asks again and must give the same, edited, forecast.
      const shown = await until(async () => {
        const v = await forecastOf(page, issue);
        return v && v !== baseline ? v : null;
      }, "the edited scenario's forecast on opening the view");
      await page.click(tid("run-button"));
      await until(async () => !(await page.locator(tid("run-button")).isDisabled()), "the run to finish");
      const after = await forecastOf(page, issue);
      if (after !== shown) throw new Error(`Run gave ${after}, the background re-run ${shown}`);
      if (!/\b35(\.0+)?\b/.test(after)) throw new Error(`eum on ${issue} should now be 35, data-forecast=${after}`);
      await shot(page, "05-forecast-after-edit");
    });

    await step(page, `run a sweep of ${sweepDraws} draws: progress rises to done`, async () => {
      await go(page, "uncertainty");
      // eum (about 2000 draws a second here), so the progress has time to show.
      if ((await page.locator(tid("sweep-models")).count()) > 0) await page.fill(tid("sweep-models"), "eum");
      await page.fill(tid("sweep-draws"), String(sweepDraws));
      const { status, samples } = await watchSweep(page, /done|failed/i, () => page.click(tid("sweep-run")));
      if (!/done/i.test(status)) throw new Error(`sweep-status says "${status}"`);
      const [value, max] = samples[samples.length - 1] || [0, 0];
      const between = new Set(samples.filter(([v, m]) => v > 0 && v < m).map(([v]) => v));
      console.log(`# sweep: ${samples.length} progress samples, ${between.size} distinct values between 0 and the end; status "${status.trim()}"`);
      if (!(max > 0 && value === max)) throw new Error(`progress ended at ${value}/${max}, not full`);
      if (between.size < 2) {
        throw new Error(`the progress did not rise: ${between.size} distinct value(s) between 0 and the end (raise E2E_SWEEP_DRAWS?)`);
      }
      if (samples.some(([v], i) => i > 0 && v < samples[i - 1][0])) throw new Error("the progress went backwards");
      await page.locator(tid(`sweep-chart-${issue}`)).waitFor();
      await shot(page, "06-sweep-done");
    });

    await step(page, "start another sweep and cancel it", async () => {
      await page.fill(tid("sweep-draws"), "50000"); // ~200 draws a range: progress within seconds
      const { status, samples } = await watchSweep(page, /cancelled|done|failed/i, async () => {
        await page.click(tid("sweep-run"));
        await until(async () => Number(await page.locator(tid("sweep-progress")).evaluate((p) => p.value)) > 0,
          "the second sweep's progress to start");
        await page.click(tid("sweep-cancel"));
      });
      const values = samples.map(([v]) => v);
      const last = values[values.length - 1];
      const max = samples.length ? samples[samples.length - 1][1] : 0;
      if (!/cancelled/i.test(status)) throw new Error(`sweep-status says "${status}", not cancelled`);
      if (!(last < max)) throw new Error(`a cancelled sweep of 50000 draws should stop early (${last}/${max})`);
      await shot(page, "07-sweep-cancelled");
    });

    await step(page, "export a report", async () => {
      await go(page, "scenarios");
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(tid("export-report"))]);
      const file = path.join(artifacts, "report.html");
      await download.saveAs(file);
      const html = fs.readFileSync(file, "utf8");
      if (!html.includes('id="entente-data"')) throw new Error("the downloaded report has no entente-data");
      if (!html.includes("EntenteReport")) throw new Error("the downloaded report has no chart code");
      await shot(page, "08-exported");
    });

    await step(page, "the report opens offline and draws its charts", async () => {
      const offline = await browser.newContext({ viewport: { width: 1280, height: 800 }, offline: true });
      const rp = await offline.newPage();
      const errors = [];
      rp.on("pageerror", (e) => errors.push(e.message));
      await rp.goto(`file://${path.join(artifacts, "report.html")}`);
      await until(async () => (await rp.locator("#entente-charts canvas, #entente-charts svg").count()) > 0,
        "a chart (canvas or svg) in #entente-charts", 20_000).catch((e) => {
        throw new Error(`${e.message}${errors.length ? `; page errors: ${errors.join("; ")}` : ""}`);
      });
      if (errors.length) throw new Error(`page errors in the report: ${errors.join("; ")}`);
      await rp.screenshot({ path: path.join(artifacts, "09-report.png"), fullPage: true });
      await offline.close();
    });

    await step(page, "phone-sized editor (screenshot)", async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.evaluate(() => (location.hash = "#/editor")); // the nav may be collapsed
      await page.locator(tid(`cell-RUS-${issue}-salience`)).waitFor();
      await shot(page, "10-phone-editor");
    });

    if (pageErrors.length) throw new Error(`uncaught errors in the app: ${pageErrors.join("; ")}`);
    console.log(`e2e: all ${results.length} steps passed; screenshots in ${artifacts}`);
    return 0;
  } catch (e) {
    console.error(`e2e: FAILED: ${e.message}`);
    if (pageErrors.length) console.error(`e2e: uncaught errors in the app: ${pageErrors.join("; ")}`);
    if (server) console.error(`e2e: server stderr:\n${server.stderr()}`);
    console.error(`e2e: screenshots in ${artifacts}`);
    return 1;
  } finally {
    if (browser) await browser.close().catch(() => {});
    await stopServer(server);
    fs.rmSync(storeDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
