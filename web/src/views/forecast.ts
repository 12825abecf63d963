// Forecast view: choose models (parameter forms generated from GET /api/models), run them on
// the current scenario (POST /api/run), one chart per issue plus a table. Re-runs by itself,
// debounced, when the scenario changes.
import * as api from "../api";
import type { ModelInfo, ModelParam, RunDoc, ScenarioDoc } from "../api";
import { forecastOption, issueForecasts } from "../charts/forecast";
import { fmt } from "../charts/docs";
import { disposeCharts, drawWhenVisible, stopWatching } from "../charts/render";
import { state } from "../state";
import { errorText, h, notify } from "../ui";

// Short: a re-run after an edit should show within 0.2 s (issue #8), typing still coalesces.
const DEBOUNCE_MS = 100;
/** The scenario revision the last run was made from (a run of an older revision is re-done). */
let runRevision = -1;

/** The spec of a model: its name plus every parameter that differs from the default. */
export function specOf(name: string, params: ModelParam[], values: Record<string, string>): string {
  const parts = params
    .filter((p) => values[p.name] !== undefined && values[p.name] !== "" && values[p.name] !== String(p.default ?? ""))
    .map((p) => `${p.name}=${values[p.name]}`);
  return parts.length ? `${name}(${parts.join(",")})` : name;
}

function paramInput(m: ModelInfo, p: ModelParam, values: Record<string, string>, changed: () => void): HTMLElement {
  const id = `param-${m.name}-${p.name}`;
  const set = (v: string) => {
    values[p.name] = v;
    changed();
  };
  let input: HTMLElement;
  const current = values[p.name] ?? (p.default === null ? "" : String(p.default)); // kept across visits
  if (p.type === "choice") {
    input = h("select", { id, "data-testid": id, onchange: (e: Event) => set((e.target as HTMLSelectElement).value) },
      p.choices.map((c) => h("option", { value: c, selected: current === c }, c)));
  } else if (p.type === "bool") {
    input = h("input", { id, "data-testid": id, type: "checkbox", checked: current === "true",
      onchange: (e: Event) => set(String((e.target as HTMLInputElement).checked)) });
  } else {
    const numeric = p.type === "int" || p.type === "number";
    input = h("input", {
      id, "data-testid": id, type: numeric ? "number" : "text", value: current,
      min: p.min ?? undefined, max: p.max ?? undefined, step: p.type === "int" ? 1 : numeric ? "any" : undefined,
      onchange: (e: Event) => set((e.target as HTMLInputElement).value),
    });
  }
  return h("div", { class: "param" }, h("label", { for: id, title: p.help }, p.name), " ", input);
}

/** Deals need at least two parties and a no-deal point on every issue (else the report would fail). */
export function dealsPossible(doc: ScenarioDoc): boolean {
  const parties = doc.parties?.length ?? 0;
  return parties >= 2 && doc.issues.every((i) => i.no_deal !== undefined && i.no_deal !== null);
}

/** A button that downloads the HTML report of the current scenario (POST /api/report). */
export function exportReportButton(models: () => string[]): HTMLButtonElement {
  const b = h("button", { type: "button", "data-testid": "export-report" }, "Export report");
  b.addEventListener("click", async () => {
    if (!state.scenario) return notify("load a scenario first", "error");
    b.disabled = true;
    notify("building the report…");
    try {
      const doc = state.scenario;
      const html = await api.report({ scenario: doc, models: models(), trace_models: ["eum"], deals: dealsPossible(doc) });
      api.download("report.html", html, "text/html;charset=utf-8");
      notify("report.html downloaded");
    } catch (e) {
      notify(errorText(e), "error");
    } finally {
      b.disabled = false;
    }
  });
  return b;
}

// Kept across visits to the view: the registry's models (fetched once) and the user's choice of
// models and parameters, so coming back after an edit re-runs what was chosen, at once.
let cachedModels: Promise<{ models: ModelInfo[] }> | null = null;
const chosen = new Map<string, { on: boolean; values: Record<string, string> }>();

let knownModels: ModelInfo[] | null = null;
let autoRun = true;

/** Forgets the kept choices and the fetched models (a new session; tests). */
export function resetForecastChoices(): void {
  cachedModels = null;
  knownModels = null;
  chosen.clear();
  autoRun = true;
}

function chosenSpecs(models: ModelInfo[]): string[] {
  return models.filter((m) => chosen.get(m.name)?.on).map((m) => specOf(m.name, m.params, chosen.get(m.name)!.values));
}

// Once the forecast view has been opened, every edit re-runs the chosen models in the background
// (debounced), whichever view is showing: the forecast is ready when the user looks at it.
let backgroundRuns = false;
function startBackgroundRuns(): void {
  if (backgroundRuns) return;
  backgroundRuns = true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let seq = 0;
  state.subscribe((s, reason) => {
    if (!(reason === "load" || reason === "edit" || reason === "undo" || reason === "redo")) return;
    if (!autoRun || !knownModels || !s.scenario) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(async () => {
      const doc = state.scenario;
      if (!doc || !knownModels) return;
      const my = ++seq;
      const revision = state.revision;
      try {
        const list = chosenSpecs(knownModels);
        const res = await api.run(doc, list.length ? list : undefined);
        if (my !== seq || revision !== state.revision) return;
        runRevision = revision;
        state.setRun(res);
      } catch {
        // The forecast view shows the error when it runs the same request itself.
      }
    }, DEBOUNCE_MS);
  });
}

export function mount(el: HTMLElement): () => void {
  let models: ModelInfo[] = [];
  const picker = h("fieldset", { "data-testid": "model-select", class: "models" }, h("legend", {}, "Models"));
  const runButton = h("button", { type: "button", "data-testid": "run-button" }, "Run");
  const auto = h("input", { type: "checkbox", id: "forecast-auto", checked: autoRun,
    onchange: (e: Event) => (autoRun = (e.target as HTMLInputElement).checked) });
  const charts = h("div", { class: "forecast-charts" });
  const table = h("table", { class: "data", "data-testid": "forecast-table" });
  const info = h("p", { class: "muted" });
  el.replaceChildren(
    h("h1", {}, "Forecast"),
    picker,
    h("div", { class: "toolbar" }, runButton, " ", h("label", { for: "forecast-auto" }, auto, " re-run on every edit"), " ",
      exportReportButton(() => specs())),
    info,
    charts,
    h("div", { class: "table-wrap" }, table),
  );

  const specs = () => chosenSpecs(models);

  let seq = 0;
  let alive = true;
  const runNow = async () => {
    const doc = state.scenario;
    if (!doc) {
      info.textContent = "No scenario loaded: load one under Scenarios.";
      return;
    }
    const my = ++seq;
    const revision = state.revision;
    runButton.disabled = true;
    try {
      const list = specs();
      const res = await api.run(doc, list.length ? list : undefined);
      if (!alive || my !== seq) return;
      runRevision = revision;
      state.setRun(res);
    } catch (e) {
      if (alive && my === seq) info.textContent = errorText(e);
    } finally {
      if (my === seq) runButton.disabled = false;
    }
  };
  runButton.addEventListener("click", () => void runNow());

  // One box per issue, kept while the issues stay the same: a re-run redraws the charts in place
  // (cheaper than new ones), and only those on or near the screen at once.
  const boxes = new Map<string, HTMLElement>();
  const clearBoxes = () => {
    for (const box of boxes.values()) stopWatching(box);
    disposeCharts(charts);
    charts.replaceChildren();
    boxes.clear();
  };
  const render = (run: RunDoc | null) => {
    table.replaceChildren();
    const doc = state.scenario;
    if (!run || !doc) {
      clearBoxes();
      return;
    }
    info.textContent = `${run.models.length} model(s) on ${run.issues.length} issue(s); seed ${run.seed}.`;
    const same = run.issues.length === boxes.size && run.issues.every((i) => boxes.has(i.id));
    if (!same) clearBoxes();
    for (const issue of run.issues) {
      let box = boxes.get(issue.id);
      if (!box) {
        box = h("div", { class: "chart", "data-testid": `forecast-chart-${issue.id}`, role: "img",
          "aria-label": `forecasts on ${issue.name || issue.id}` });
        boxes.set(issue.id, box);
        charts.append(box);
      }
      box.setAttribute("data-forecast", JSON.stringify(issueForecasts(run, issue.id)));
      box.style.height = `${Math.max(280, 130 + 24 * (doc.actors.length + run.models.length))}px`;
      drawWhenVisible(box, () => forecastOption(run, issue.id, doc));
    }
    table.append(
      h("caption", {}, "Forecast of each model on each issue (nearest anchor in the tooltip)"),
      h("thead", {}, h("tr", {}, h("th", {}, "issue"), run.models.map((m) => h("th", { title: m.spec }, m.model)))),
      h("tbody", {}, run.issues.map((i) =>
        h("tr", {}, h("th", {}, i.name || i.id), run.models.map((m) => {
          const f = m.forecasts.find((x) => x.issue === i.id);
          return f?.ok ? h("td", { class: "num", title: f.label ?? "" }, fmt(f.value)) : h("td", { title: f?.why ?? "" }, "–");
        })))),
    );
  };

  const unsub = state.subscribe((s, reason) => {
    if (reason === "run") render(s.run); // edits are re-run by startBackgroundRuns
  });

  if (!cachedModels) {
    cachedModels = api.getModels();
    cachedModels.catch(() => (cachedModels = null)); // a failed fetch is tried again next visit
  }
  cachedModels.then(
    (doc) => {
      if (!alive) return;
      models = doc.models;
      knownModels = models;
      startBackgroundRuns();
      for (const m of models) {
        const entry = chosen.get(m.name) ?? { on: true, values: {} as Record<string, string> };
        chosen.set(m.name, entry);
        const box = h("input", { type: "checkbox", id: `model-${m.name}`, "data-testid": `model-${m.name}`, checked: entry.on,
          onchange: (e: Event) => { entry.on = (e.target as HTMLInputElement).checked; } });
        const params = h("details", {}, h("summary", {}, "parameters"),
          m.params.map((p) => paramInput(m, p, entry.values, () => undefined)));
        picker.append(h("div", { class: "model" }, h("label", { for: `model-${m.name}`, title: m.summary }, box, " ", m.name), " ",
          m.params.length ? params : ""));
      }
      if (state.run) render(state.run);
      if (state.scenario && (!state.run || runRevision !== state.revision)) void runNow();
    },
    (e) => (info.textContent = errorText(e)),
  );
  if (!state.scenario) info.textContent = "No scenario loaded: load one under Scenarios.";

  return () => {
    alive = false;
    unsub();
    clearBoxes();
  };
}
