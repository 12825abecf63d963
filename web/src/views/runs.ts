// Runs: the run store's history (GET /api/runs), one run's documents, and two runs compared
// side by side with the list of what differs (GET /api/runs/a/diff/b). #/runs/ID opens ID.
import * as api from "../api";
import { state } from "../state";
import { errorText, go, h } from "../ui";

/** The run's scenario in the file format, when the server sends it (else null). */
export function fileScenario(rec: api.RunRecordDoc): api.ScenarioDoc | null {
  for (const c of [rec.scenario_document, rec.scenario]) {
    const d = c as api.ScenarioDoc | null | undefined;
    if (d && typeof d === "object" && d.entente === 1 && Array.isArray(d.actors) && Array.isArray(d.issues)) return d;
  }
  return null;
}

/** The lines of a diff document, whatever its exact shape ("path: a -> b" strings). */
export function diffLines(doc: api.RunDiffDoc): string[] | null {
  for (const key of ["differences", "diff", "lines", "changes"]) {
    const v = doc[key];
    if (Array.isArray(v)) return v.map((x) => (typeof x === "string" ? x : JSON.stringify(x)));
  }
  return null;
}

/** A compact table of a stored `run` result: models x issues forecasts. */
function forecastTable(result: unknown): HTMLElement | null {
  const r = result as Partial<api.RunDoc> | null;
  if (!r || r.kind !== "run" || !Array.isArray(r.models) || !Array.isArray(r.issues)) return null;
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "data" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Model"), r.issues.map((i) => h("th", { scope: "col" }, i.id)))),
      h(
        "tbody",
        {},
        r.models.map((m) =>
          h(
            "tr",
            {},
            h("th", { scope: "row", title: m.spec }, m.model),
            r.issues!.map((i) => {
              const f = m.forecasts.find((x) => x.issue === i.id);
              return h("td", { class: "num", title: f?.label ?? f?.why ?? "" }, f?.ok && f.value !== null ? f.value.toFixed(1) : "—");
            }),
          ),
        ),
      ),
    ),
  );
}

function recordView(rec: api.RunRecordDoc): HTMLElement {
  const row = (k: string, v: unknown) => [h("dt", {}, k), h("dd", {}, v === null || v === undefined || v === "" ? "—" : String(v))];
  return h(
    "article",
    { class: "run-record", "data-testid": `run-${rec.id}` },
    h("h3", {}, `Run ${rec.id}: ${rec.run_kind ?? ""}`),
    h(
      "dl",
      {},
      row("status", rec.status),
      row("scenario", rec.scenario_id),
      row("hash", rec.scenario_hash),
      row("models", Array.isArray(rec.specs) ? rec.specs.join(", ") : rec.specs),
      row("seed", rec.seed),
      row("started", rec.started),
      row("finished", rec.finished),
      row("entente", rec.entente_version),
      rec.error ? row("error", rec.error) : [],
    ),
    forecastTable(rec.result),
    h("details", {}, h("summary", {}, "Options"), h("pre", {}, JSON.stringify(rec.params ?? null, null, 2))),
    h("details", {}, h("summary", {}, "Result document"), h("pre", {}, JSON.stringify(rec.result ?? null, null, 2))),
    h("details", {}, h("summary", {}, "Scenario"), h("pre", {}, JSON.stringify(rec.scenario ?? null, null, 2))),
    fileScenario(rec)
      ? h(
          "button",
          {
            type: "button",
            "data-testid": `run-load-${rec.id}`,
            onclick: () => {
              state.load(fileScenario(rec)!, rec.scenario_id || `run-${rec.id}`);
              go("editor");
            },
          },
          "Open its scenario in the editor",
        )
      : null,
    " ",
    h(
      "button",
      { type: "button", onclick: () => api.download(`run-${rec.id}.json`, JSON.stringify(rec, null, 2), "application/json") },
      "Download as JSON",
    ),
  );
}

export function mount(el: HTMLElement): () => void {
  let alive = true;
  const listBox = h("div", { class: "runs-list", "aria-busy": "true" }, h("p", {}, "Loading the run store…"));
  const detail = h("section", { class: "run-detail", "aria-live": "polite", "data-testid": "run-detail" });
  const selected = new Set<string>();
  const compareBtn = h("button", { type: "button", "data-testid": "runs-compare", disabled: true }, "Compare the two selected runs");

  const fail = (e: unknown) => h("p", { class: "error", role: "alert" }, errorText(e));

  // Only the latest request (open or compare) may fill the detail pane.
  let seq = 0;
  const current = (n: number) => alive && n === seq;

  async function open(id: string): Promise<void> {
    const n = ++seq;
    detail.replaceChildren(h("p", {}, `Loading run ${id}…`));
    try {
      const rec = await api.getRun(id);
      if (current(n)) detail.replaceChildren(recordView(rec));
    } catch (e) {
      if (current(n)) detail.replaceChildren(fail(e));
    }
  }

  async function compare(): Promise<void> {
    const [a, b] = [...selected].sort((x, y) => Number(x) - Number(y) || x.localeCompare(y));
    if (!a || !b) return;
    const n = ++seq;
    detail.replaceChildren(h("p", {}, `Comparing runs ${a} and ${b}…`));
    try {
      const [diff, ra, rb] = await Promise.all([api.diffRuns(a, b), api.getRun(a), api.getRun(b)]);
      if (!current(n)) return;
      const lines = diffLines(diff);
      detail.replaceChildren(
        h("h2", {}, `Run ${a} and run ${b}`),
        h(
          "section",
          { class: "diff", "data-testid": "runs-diff" },
          h("h3", {}, "What differs"),
          lines === null
            ? h("pre", {}, JSON.stringify(diff, null, 2))
            : lines.length === 0
              ? h("p", {}, "Nothing differs: same inputs, options and results.")
              : h("ul", {}, lines.map((l) => h("li", {}, h("code", {}, l)))),
        ),
        h("div", { class: "side-by-side" }, recordView(ra), recordView(rb)),
      );
    } catch (e) {
      if (current(n)) detail.replaceChildren(fail(e));
    }
  }
  compareBtn.addEventListener("click", compare);

  async function loadList(): Promise<void> {
    try {
      const doc = await api.listRuns();
      if (!alive) return;
      listBox.removeAttribute("aria-busy");
      if (!doc.runs.length) {
        listBox.replaceChildren(h("p", {}, `The store ${doc.store ?? ""} holds no runs yet.`));
        return;
      }
      const rows = doc.runs.map((r) => {
        const id = String(r.id);
        const box = h("input", { type: "checkbox", "aria-label": `Select run ${id} to compare`, "data-testid": `run-select-${id}` });
        box.addEventListener("change", () => {
          if (box.checked) selected.add(id);
          else selected.delete(id);
          compareBtn.disabled = selected.size !== 2;
        });
        return h(
          "tr",
          {},
          h("td", {}, box),
          h("td", { class: "num" }, id),
          h("td", {}, r.kind),
          h("td", { class: `status-${r.status}` }, r.status),
          h("td", {}, r.started),
          h("td", {}, r.scenario),
          h("td", { class: "specs" }, (r.specs ?? []).join(", ")),
          h("td", { class: "num" }, r.draws ? String(r.draws) : ""),
          h("td", {}, h("button", { type: "button", "data-testid": `run-open-${id}`, onclick: () => open(id) }, `Open ${id}`)),
        );
      });
      listBox.replaceChildren(
        h("p", { class: "muted" }, `Store: ${doc.store ?? ""}`),
        h(
          "div",
          { class: "table-wrap" },
          h(
            "table",
            { class: "data", "data-testid": "runs-table" },
            h(
              "thead",
              {},
              h("tr", {}, ["Compare", "Id", "Kind", "Status", "Started (UTC)", "Scenario", "Models", "Draws", "Open"].map((c) => h("th", { scope: "col" }, c))),
            ),
            h("tbody", {}, rows),
          ),
        ),
        h("p", {}, compareBtn),
      );
    } catch (e) {
      if (!alive) return;
      listBox.removeAttribute("aria-busy");
      listBox.replaceChildren(
        e instanceof api.ApiError && e.status === 404
          ? h("p", {}, "No run store is open. Start the app with entente serve --store PATH to keep and compare runs.")
          : fail(e),
      );
    }
  }

  el.append(h("h1", {}, "Runs"), listBox, detail);
  void loadList();
  const m = location.hash.match(/^#\/runs\/([^/?]+)/);
  if (m) void open(decodeURIComponent(m[1]));
  return () => {
    alive = false;
  };
}
