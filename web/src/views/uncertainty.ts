// Uncertainty view: a Monte Carlo sweep run as a job (POST /api/jobs, progress over SSE,
// cancel = DELETE) with one histogram per issue; and a sensitivity job drawn as a tornado
// chart with the "what would flip it" table.
import * as api from "../api";
import type { SweepDoc } from "../api";
import type { SensitivityDocument } from "../charts/docs";
import { fmt, short } from "../charts/docs";
import { disposeCharts, safeDraw } from "../charts/render";
import { histogramOption } from "../charts/sweep";
import { tornadoOption } from "../charts/tornado";
import { state } from "../state";
import { errorText, h } from "../ui";
import { exportReportButton } from "./forecast";

/** "1,234 / 10,000 draws, 5,000 draws/s, about 2 s left". */
export function progressText(p: api.JobProgress): string {
  const n = (x: number) => Math.round(x).toLocaleString("en");
  const eta = p.eta_s === null || !Number.isFinite(p.eta_s) ? "" : `, about ${p.eta_s < 10 ? fmt(p.eta_s, 1) : n(p.eta_s)} s left`;
  return `running: ${n(p.done)} / ${n(p.total)} draws, ${n(p.rate)} draws/s${eta}`;
}

/** Per model and issue: mean, spread, quantiles and the most likely band between two anchors. */
function sweepTable(doc: SweepDoc): HTMLTableElement {
  const cols = ["model", "issue", "mean", "sd", "5%", "50%", "95%", "most likely band", "chance"];
  return h("table", { class: "data", "data-testid": "sweep-table" },
    h("caption", {}, `${doc.completed.toLocaleString("en")} of ${doc.draws.toLocaleString("en")} draws, seed ${doc.seed}`),
    h("thead", {}, h("tr", {}, cols.map((c) => h("th", {}, c)))),
    h("tbody", {}, doc.models.flatMap((m) => m.issues.map((st) => {
      const band = [...st.bands].sort((a, b) => b.probability - a.probability)[0];
      const q = (k: string) => h("td", { class: "num" }, fmt(st.quantiles[k]));
      return h("tr", {}, h("td", {}, m.spec.split("(")[0]), h("th", {}, st.issue),
        h("td", { class: "num" }, fmt(st.mean)), h("td", { class: "num" }, fmt(st.sd)), q("5"), q("50"), q("95"),
        h("td", {}, band ? `${fmt(band.lo)}–${fmt(band.hi)} ${short(band.lo_label ?? "", 24)} / ${short(band.hi_label ?? "", 24)}` : "–"),
        h("td", { class: "num" }, band ? `${fmt(100 * band.probability, 1)}%` : "–"));
    }))));
}

function numberInput(id: string, value: number, label: string, attrs: Record<string, string | number> = {}) {
  const input = h("input", { type: "number", id, "data-testid": id, value, min: 0, step: "any", ...attrs });
  return { input, el: h("span", { class: "field" }, h("label", { for: id }, label), " ", input) };
}

export function mount(el: HTMLElement): () => void {
  const draws = numberInput("sweep-draws", 1000, "Draws", { min: 1, step: 1 });
  const pos = numberInput("sweep-noise-position", 10, "Noise: position sd");
  const sal = numberInput("sweep-noise-salience", 0, "salience sd");
  const cap = numberInput("sweep-noise-capability", 0, "capability sd");
  const models = h("input", { type: "text", id: "sweep-models", "data-testid": "sweep-models", value: "median" });
  const runButton = h("button", { type: "button", "data-testid": "sweep-run" }, "Run sweep");
  const cancelButton = h("button", { type: "button", "data-testid": "sweep-cancel", disabled: true }, "Cancel");
  const progress = h("progress", { "data-testid": "sweep-progress", value: 0, max: 1 });
  const status = h("p", { "data-testid": "sweep-status", role: "status", "aria-live": "polite" });
  const charts = h("div", { class: "sweep-charts" });
  const sensModel = h("input", { type: "text", id: "sensitivity-model", value: "median" });
  const delta = numberInput("sensitivity-delta", 10, "Move each input by (% of scale)");
  const sensRun = h("button", { type: "button", "data-testid": "sensitivity-run" }, "Run sensitivity");
  const sensIssue = h("select", { id: "tornado-issue", "data-testid": "tornado-issue" });
  const sensStatus = h("p", { "data-testid": "sensitivity-status", role: "status" });
  const tornado = h("div", { class: "chart", "data-testid": "tornado-chart", style: "height:400px", role: "img", "aria-label": "tornado chart" });
  const flips = h("table", { class: "data", "data-testid": "flip-table" });
  el.replaceChildren(
    h("h1", {}, "Uncertainty"),
    h("div", { class: "toolbar" }, draws.el, " ", h("label", { for: "sweep-models" }, "Models "), models, " ", pos.el, " ", sal.el, " ", cap.el),
    h("div", { class: "toolbar" }, runButton, " ", cancelButton, " ", progress, " ", exportReportButton(() => [])),
    status, charts,
    h("h2", {}, "Sensitivity: which inputs move the forecast"),
    h("div", { class: "toolbar" }, h("label", { for: "sensitivity-model" }, "Model "), sensModel, " ", delta.el, " ", sensRun, " ",
      h("label", { for: "tornado-issue" }, "Issue "), sensIssue),
    sensStatus, tornado, h("h3", {}, "What would flip it"), h("div", { class: "table-wrap" }, flips),
  );

  let alive = true;
  let job: string | null = null;
  let closeEvents: (() => void) | null = null;
  const drawSweep = (doc: SweepDoc | null) => {
    disposeCharts(charts);
    charts.replaceChildren();
    if (!doc || !doc.models.length) return;
    charts.append(h("div", { class: "table-wrap" }, sweepTable(doc)));
    for (const st of doc.models[0].issues) {
      const box = h("div", { class: "chart", "data-testid": `sweep-chart-${st.issue}`, style: "height:280px", role: "img", "aria-label": `distribution of ${st.issue}` });
      charts.append(box);
      safeDraw(box, () => histogramOption(doc, st.issue));
    }
  };
  const finish = (text: string) => {
    status.textContent = text;
    runButton.disabled = false;
    cancelButton.disabled = true;
    job = null;
  };

  runButton.addEventListener("click", async () => {
    const s = state.scenario;
    if (!s) return void (status.textContent = "No scenario loaded: load one under Scenarios.");
    const n = Math.max(1, Math.round(Number(draws.input.value) || 1000));
    const noise: api.SweepOptions["noise"] = {};
    if (Number(pos.input.value) > 0) noise.position = Number(pos.input.value);
    if (Number(sal.input.value) > 0) noise.salience = Number(sal.input.value);
    if (Number(cap.input.value) > 0) noise.capability = Number(cap.input.value);
    runButton.disabled = true;
    progress.max = n;
    progress.value = 0;
    status.textContent = "starting…";
    try {
      const list = models.value.split(/\s+/).filter(Boolean);
      const { job: id } = await api.startJob("sweep", s, { draws: n, noise, ...(list.length ? { models: list } : {}) });
      if (!alive) return void api.cancelJob(id).catch(() => undefined);
      job = id;
      cancelButton.disabled = false;
      closeEvents = api.jobEvents<SweepDoc>(id, {
        progress: (p) => {
          progress.max = p.total;
          progress.value = p.done;
          status.textContent = progressText(p);
        },
        done: (doc) => {
          progress.value = progress.max;
          const t0 = performance.now();
          drawSweep(doc); // the document is pre-binned: the cost does not grow with the draws
          const ms = Math.round(performance.now() - t0);
          finish(`done: ${doc.completed.toLocaleString("en")} draws`);
          status.title = `charts drawn in ${ms} ms`;
          status.dataset.drawMs = String(ms);
        },
        cancelled: (c) => {
          finish(`cancelled after ${c.done.toLocaleString("en")} of ${c.total.toLocaleString("en")} draws`);
          drawSweep(c.partial);
        },
        failed: (f) => finish(`failed: ${f.error}`),
        error: (m) => finish(`failed: ${m}`),
      });
    } catch (e) {
      finish(`failed: ${errorText(e)}`);
    }
  });
  cancelButton.addEventListener("click", () => {
    if (!job) return;
    cancelButton.disabled = true;
    status.textContent = "cancelling…";
    api.cancelJob(job).catch((e) => (status.textContent = errorText(e)));
  });

  let sens: SensitivityDocument | null = null;
  const drawSens = () => {
    if (!sens) return;
    const id = sensIssue.value;
    safeDraw(tornado, () => tornadoOption(sens!, id));
    const issue = sens.issues.find((i) => i.issue === id);
    flips.replaceChildren(
      h("caption", {}, `The smallest change of one input that moves ${id}'s forecast to another anchor`),
      h("thead", {}, h("tr", {}, ["target", "direction", "input", "from", "to", "change", "forecast after"].map((t) => h("th", {}, t)))),
      h("tbody", {}, (issue?.flips ?? []).map((f) => h("tr", {},
        h("td", { title: f.label ?? "" }, `${fmt(f.target)} ${short(f.label ?? "", 40)}`), h("td", {}, f.direction),
        f.found
          ? [h("td", {}, f.input ?? ""), h("td", { class: "num" }, fmt(f.from)), h("td", { class: "num" }, fmt(f.to)),
             h("td", { class: "num" }, fmt(f.change)), h("td", { class: "num" }, fmt(f.forecast_after))]
          : [h("td", { colspan: 5 }, "no single input within range flips it")]))),
    );
  };
  sensIssue.addEventListener("change", drawSens);
  sensRun.addEventListener("click", async () => {
    const s = state.scenario;
    if (!s) return void (sensStatus.textContent = "No scenario loaded: load one under Scenarios.");
    sensRun.disabled = true;
    sensStatus.textContent = "running…";
    try {
      const { job: id } = await api.startJob("sensitivity", s, {
        model: sensModel.value.trim() || "median",
        ...(Number(delta.input.value) > 0 ? { delta: Number(delta.input.value) } : {}),
      });
      const close = api.jobEvents<api.SensitivityDoc>(id, {
        progress: (p) => (sensStatus.textContent = `running: ${p.done} / ${p.total}`),
        done: (doc) => {
          sens = doc as unknown as SensitivityDocument;
          const keep = sensIssue.value;
          sensIssue.replaceChildren(...sens.issues.map((i) => h("option", { value: i.issue, selected: i.issue === keep }, i.issue)));
          sensStatus.textContent = `done: ${sens.spec}`;
          sensRun.disabled = false;
          drawSens();
        },
        cancelled: () => ((sensStatus.textContent = "cancelled"), (sensRun.disabled = false)),
        failed: (f) => ((sensStatus.textContent = `failed: ${f.error}`), (sensRun.disabled = false)),
        error: (m) => ((sensStatus.textContent = `failed: ${m}`), (sensRun.disabled = false)),
      });
      const prev = closeSens;
      closeSens = () => (prev(), close());
    } catch (e) {
      sensStatus.textContent = `failed: ${errorText(e)}`;
      sensRun.disabled = false;
    }
  });
  let closeSens: () => void = () => undefined;

  return () => {
    alive = false;
    closeEvents?.();
    closeSens();
    if (job) api.cancelJob(job).catch(() => undefined);
    disposeCharts(el);
  };
}
