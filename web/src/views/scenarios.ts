// Scenarios: the built-in catalog, stored scenarios (from the run store), importing a file,
// exporting the current scenario (and the HTML report), and the sources with the values that
// cite them.
import * as api from "../api";
import { emptyScenario } from "../editor/model";
import { citations } from "../editor/sources";
import { state } from "../state";
import { errorText, go, h, notify, plural } from "../ui";

const IMPORT_FORMATS: Array<[api.ImportFormat, string]> = [
  ["json", "JSON"],
  ["yaml", "YAML"],
  ["csv", "CSV (long: one row per actor and issue)"],
  ["wide-csv", "CSV (wide: one issue)"],
  ["ktab-csv", "KTAB CSV"],
  ["genius", "GENIUS (domain + profiles: analysed as deals)"],
];
const EXPORT_FORMATS: api.ExportFormat[] = ["json", "yaml", "csv", "wide-csv", "ktab-csv"];

/** The import format a file name suggests. */
export function formatForFile(name: string): api.ImportFormat {
  const n = name.toLowerCase();
  if (n.endsWith(".json")) return "json";
  if (n.endsWith(".yaml") || n.endsWith(".yml")) return "yaml";
  if (n.endsWith(".xml")) return "genius";
  if (n.includes("ktab")) return "ktab-csv";
  return "csv";
}

function readFile(f: File): Promise<string> {
  if (typeof f.text === "function") return f.text();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsText(f);
  });
}

function problemsBlock(e: unknown): HTMLElement {
  const list = e instanceof api.ApiError ? e.problems : [];
  return h(
    "div",
    { class: "error", role: "alert" },
    h("p", {}, e instanceof api.ApiError ? e.message : errorText(e)),
    list.length
      ? h(
          "ul",
          {},
          list.map((p) =>
            h("li", {}, `${p.line ? `line ${p.line}${p.column ? `:${p.column}` : ""}: ` : ""}${p.path ? `${p.path}: ` : ""}${p.field ? `${p.field} = '${p.value ?? ""}': ` : ""}${p.message}`),
          ),
        )
      : null,
  );
}

// Built-in scenarios fetched for their descriptions, kept so "Load" needs no second request.
const fetched = new Map<string, Promise<{ name: string; scenario: api.ScenarioDoc }>>();
function fetchScenario(name: string): Promise<{ name: string; scenario: api.ScenarioDoc }> {
  let p = fetched.get(name);
  if (!p) {
    p = api.getScenario(name);
    fetched.set(name, p);
    p.catch(() => fetched.delete(name));
  }
  return p;
}

export function mount(el: HTMLElement): () => void {
  let alive = true;
  const catalogBox = h("div", { class: "catalog", "aria-busy": "true" }, h("p", {}, "Loading the catalog…"));
  const storedBox = h("div", { class: "stored" });
  const currentBox = h("section", { class: "current", "aria-labelledby": "cur-h" });
  const sourcesBox = h("section", { class: "sources", "aria-labelledby": "src-h" });

  async function load(name: string): Promise<void> {
    try {
      notify(`Loading ${name}…`);
      const res = await fetchScenario(name);
      state.load(res.scenario, res.name ?? name);
      notify(`Loaded ${name}.`);
      go("editor");
    } catch (e) {
      notify(`Could not load ${name}: ${errorText(e)}`, "error");
    }
  }

  // ---------- catalog ----------
  async function loadCatalog(): Promise<void> {
    try {
      const doc = await api.getScenarios();
      if (!alive) return;
      catalogBox.removeAttribute("aria-busy");
      catalogBox.replaceChildren(
        h(
          "ul",
          { class: "cards" },
          doc.scenarios.map((s) => {
            const desc = h("p", { class: "desc" }, s.description ?? "");
            if (!s.description) {
              // The catalog lists names and titles; the description comes with the scenario.
              fetchScenario(s.name)
                .then((r) => {
                  const d = r.scenario;
                  desc.textContent = `${d.description ?? ""} (${plural(d.actors.length, "actor")}, ${plural(d.issues.length, "issue")}${d.as_of ? `, as of ${d.as_of}` : ""})`;
                })
                .catch(() => {});
            }
            return h(
              "li",
              { class: "card" },
              h("h3", {}, s.title || s.name),
              h("p", { class: "name" }, h("code", {}, s.name)),
              desc,
              h("button", { type: "button", "data-testid": `load-${s.name}`, onclick: () => load(s.name) }, `Load ${s.name}`),
            );
          }),
        ),
      );
      const stored = doc.stored ?? [];
      storedBox.replaceChildren(
        h("h2", { id: "stored-h" }, "Stored scenarios"),
        stored.length
          ? h(
              "ul",
              {},
              stored.map((s) =>
                h(
                  "li",
                  {},
                  h("code", {}, s.name),
                  s.started ? ` — last run ${s.started}` : "",
                  s.run !== undefined
                    ? [" ", h("a", { href: `#/runs/${s.run}`, "data-testid": `stored-${s.name}` }, `open run ${s.run}`)]
                    : null,
                ),
              ),
            )
          : h("p", {}, "No stored runs (start entente serve with --store PATH to keep a history)."),
      );
    } catch (e) {
      if (!alive) return;
      catalogBox.removeAttribute("aria-busy");
      catalogBox.replaceChildren(problemsBlock(e));
    }
  }

  // ---------- import ----------
  const format = h(
    "select",
    { id: "import-format", "data-testid": "import-format" },
    IMPORT_FORMATS.map(([v, label]) => h("option", { value: v }, label)),
  );
  const file = h("input", { type: "file", id: "import-file", "data-testid": "import-file", accept: ".json,.yaml,.yml,.csv,.xml,.txt" });
  const profiles = h("input", { type: "file", id: "import-profiles", "data-testid": "import-profiles", multiple: true, accept: ".xml" });
  const profilesRow = h("p", { class: "field", hidden: true }, h("label", { for: "import-profiles" }, "GENIUS profiles (one file per party)"), profiles);
  const paste = h("textarea", { id: "import-text", rows: "5", "data-testid": "import-text", placeholder: "…or paste the file's text here" });
  const importResult = h("div", { class: "import-result", "aria-live": "polite" });
  const showProfiles = () => (profilesRow.hidden = format.value !== "genius");
  format.addEventListener("change", showProfiles);
  file.addEventListener("change", () => {
    const f = file.files?.[0];
    if (f) {
      format.value = formatForFile(f.name);
      showProfiles();
    }
  });

  async function doImport(): Promise<void> {
    importResult.replaceChildren();
    const f = file.files?.[0];
    const fmt = format.value as api.ImportFormat;
    try {
      const text = f ? await readFile(f) : paste.value;
      if (!text.trim()) {
        importResult.replaceChildren(h("p", { class: "error", role: "alert" }, "Choose a file or paste its text first."));
        return;
      }
      const name = f?.name ?? "pasted";
      if (fmt === "genius") {
        const profs = await Promise.all([...(profiles.files ?? [])].map(readFile));
        const deals = await api.dealsGenius(text, profs);
        if (!alive) return;
        importResult.replaceChildren(
          h("p", {}, `Analysed the GENIUS domain ${name} with ${profs.length} profiles.`),
          h(
            "button",
            { type: "button", onclick: () => api.download(`${name.replace(/\.[^.]*$/, "")}-deals.json`, JSON.stringify(deals, null, 2), "application/json") },
            "Download the deals document",
          ),
          h("details", {}, h("summary", {}, "Deals document"), h("pre", {}, JSON.stringify(deals, null, 2))),
        );
        return;
      }
      const res = await api.importScenario({ format: fmt, text, name });
      state.load(res.scenario, res.scenario.id || name);
      notify(`Imported ${name}.`);
      go("editor");
    } catch (e) {
      if (alive) importResult.replaceChildren(problemsBlock(e));
    }
  }

  // ---------- current scenario: export, report ----------
  const exportFormat = h(
    "select",
    { id: "export-format", "data-testid": "export-format" },
    EXPORT_FORMATS.map((f) => h("option", { value: f }, f)),
  );
  const lossy = h("input", { type: "checkbox", id: "export-lossy", "data-testid": "export-lossy" });
  const exportResult = h("div", { class: "export-result", "aria-live": "polite" });

  async function doExport(): Promise<void> {
    const doc = state.scenario;
    exportResult.replaceChildren();
    if (!doc) return;
    try {
      const res = await api.exportScenario(doc, exportFormat.value as api.ExportFormat, lossy.checked);
      api.download(res.filename, res.text);
      exportResult.replaceChildren(h("p", {}, `Exported ${res.filename}.`));
    } catch (e) {
      exportResult.replaceChildren(problemsBlock(e));
    }
  }

  async function doReport(btn: HTMLButtonElement): Promise<void> {
    const doc = state.scenario;
    if (!doc) return;
    btn.disabled = true;
    exportResult.replaceChildren(h("p", {}, "Building the report…"));
    try {
      const html = await api.report({ scenario: doc, deals: true });
      api.download(`${doc.id || "scenario"}-report.html`, html, "text/html;charset=utf-8");
      exportResult.replaceChildren(h("p", {}, "Report downloaded."));
    } catch (e) {
      exportResult.replaceChildren(problemsBlock(e));
    } finally {
      btn.disabled = false;
    }
  }

  function renderCurrent(): void {
    const doc = state.scenario;
    if (!doc) {
      const start = () => {
        state.load(emptyScenario(), "new-scenario");
        go("editor");
      };
      currentBox.replaceChildren(
        h("h2", { id: "cur-h" }, "Current scenario"),
        h("p", {}, "None yet: load one from the catalog, import a file, or "),
        h("button", { type: "button", "data-testid": "new-scenario", onclick: start }, "Start an empty scenario"),
      );
      return;
    }
    const reportBtn: HTMLButtonElement = h("button", { type: "button", "data-testid": "export-report", onclick: () => doReport(reportBtn) }, "Download HTML report");
    currentBox.replaceChildren(
      h("h2", { id: "cur-h" }, "Current scenario"),
      h("p", {}, h("strong", {}, doc.title || doc.id || state.name), ` — ${plural(doc.actors.length, "actor")}, ${plural(doc.issues.length, "issue")}`, doc.as_of ? `, as of ${doc.as_of}` : ""),
      h("p", { class: "desc" }, doc.description ?? ""),
      h("p", { class: "actions" }, h("a", { href: "#/editor", class: "button" }, "Edit"), " ", h("a", { href: "#/forecast", class: "button" }, "Forecast")),
      h(
        "div",
        { class: "export" },
        h("label", { for: "export-format" }, "Export as"),
        exportFormat,
        h("label", { class: "check" }, lossy, "allow losing what the format cannot hold"),
        h("button", { type: "button", "data-testid": "export-button", onclick: doExport }, "Export"),
        reportBtn,
      ),
      exportResult,
    );
  }

  function renderSources(): void {
    const doc = state.scenario;
    if (!doc) {
      sourcesBox.replaceChildren();
      return;
    }
    const cites = citations(doc);
    const byId = new Map((doc.sources ?? []).map((s) => [s.id, s]));
    sourcesBox.replaceChildren(
      h("h2", { id: "src-h" }, `Sources (${cites.size})`),
      cites.size === 0
        ? h("p", {}, "This scenario cites no sources.")
        : h(
            "ol",
            { class: "source-list", "data-testid": "sources" },
            [...cites].map(([id, list]) => {
              const s = byId.get(id);
              return h(
                "li",
                { "data-testid": `source-${id}` },
                h("p", {}, h("strong", {}, id), s?.citation ? ` ${s.citation}` : s ? "" : " (not in the source list)", s?.date ? ` (${s.date})` : ""),
                s?.url && /^https?:\/\//.test(s.url) ? h("p", {}, h("a", { href: s.url, rel: "noopener noreferrer", target: "_blank" }, s.url)) : null,
                list.length
                  ? h("details", {}, h("summary", {}, `cited by ${list.length} value${list.length === 1 ? "" : "s"}`), h("ul", {}, list.map((c) => h("li", {}, c.what))))
                  : h("p", { class: "muted" }, "not cited by any value"),
              );
            }),
          ),
    );
  }

  el.append(
    h("h1", {}, "Scenarios"),
    currentBox,
    h("section", { "aria-labelledby": "cat-h" }, h("h2", { id: "cat-h" }, "Built-in catalog"), catalogBox),
    h(
      "section",
      { class: "import", "aria-labelledby": "imp-h" },
      h("h2", { id: "imp-h" }, "Import a file"),
      h("p", { class: "field" }, h("label", { for: "import-file" }, "File"), file),
      h("p", { class: "field" }, h("label", { for: "import-format" }, "Format"), format),
      profilesRow,
      h("p", { class: "field" }, h("label", { for: "import-text", class: "sr-only" }, "Text"), paste),
      h("button", { type: "button", "data-testid": "import-button", onclick: doImport }, "Import"),
      importResult,
    ),
    h("section", { "aria-labelledby": "stored-h" }, storedBox),
    sourcesBox,
  );
  renderCurrent();
  renderSources();
  const unsub = state.subscribe((_s, reason) => {
    if (reason === "problems" || reason === "run") return;
    renderCurrent();
    renderSources();
  });
  void loadCatalog();
  return () => {
    alive = false;
    unsub();
  };
}
