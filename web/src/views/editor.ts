// Editor: the actors x issues grid (position, salience, per-issue capability), the actors'
// and issues' own fields, anchors, parties, no-deal points. Every keystroke edits the state
// (one undo step per control while typing); validation problems from the server appear at
// their controls (class "invalid" + title) and in the problems list.
import type { JudgedNumber, Problem, ScenarioDoc } from "../api";
import { formatJudged, parseJudged, sourcesOf } from "../editor/dist";
import * as M from "../editor/model";
import {
  actorKey,
  anchorKey,
  cellKey,
  CELL_FIELDS,
  type CellField,
  issueKey,
  metaKey,
  PARTIES_KEY,
  problemKey,
  SOURCES_KEY,
  sourceKey,
  problemText,
} from "../editor/paths";
import { state } from "../state";
import { go, h } from "../ui";

const FIELD_LABEL: Record<CellField, string> = { position: "P", salience: "S", capability: "C" };
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function mount(el: HTMLElement): () => void {
  const token = {}; // origin of this view's own typing edits (no re-render for those)
  const localErrors = new Map<string, string>(); // text that does not parse: not applied
  const root = h("div", { class: "editor" });
  el.append(root);

  const undoBtn = h("button", { type: "button", "data-testid": "undo", title: "Undo (Ctrl+Z)", onclick: () => state.undo() }, "Undo");
  const redoBtn = h("button", { type: "button", "data-testid": "redo", title: "Redo (Ctrl+Shift+Z)", onclick: () => state.redo() }, "Redo");
  const summary = h("p", { class: "problems-summary", "aria-live": "polite" });
  const problemsList = h("ul", { class: "problems", "data-testid": "problems" });

  // ---------- edits ----------

  /** Runs an edit; a refused edit (EditError) marks `key` with the reason. */
  function apply(key: string, mutate: (doc: ScenarioDoc) => void, typing: boolean): void {
    try {
      state.edit(mutate, typing ? key : null, typing ? token : null);
      if (localErrors.delete(key)) markProblems();
    } catch (e) {
      if (!(e instanceof M.EditError)) throw e;
      localErrors.set(key, e.message);
      markProblems();
    }
  }

  function fail(key: string, message: string): void {
    localErrors.set(key, message);
    markProblems();
  }

  const common = (key: string, label: string) => ({
    "data-key": key,
    "aria-label": label,
    autocomplete: "off",
    spellcheck: "false",
    onblur: () => state.seal(),
  });

  /** A judged-number input: 60, 50±10, 40..60, 40/50/70, [60, 70, 90]. */
  function judgedInput(
    key: string,
    label: string,
    value: JudgedNumber | undefined,
    options: () => string[],
    get: (doc: ScenarioDoc) => JudgedNumber | undefined,
    set: (doc: ScenarioDoc, v: JudgedNumber | undefined) => void,
    extra: Record<string, string> = {},
  ): HTMLInputElement {
    const input = h("input", { type: "text", class: "num", value: formatJudged(value), ...common(key, label), ...extra });
    const cited = sourcesOf(value);
    if (cited.length) {
      input.dataset.hint = `cites ${cited.join(", ")}`;
      input.classList.add("cited");
    }
    input.addEventListener("input", () => {
      const text = input.value;
      const check = parseJudged(text, options());
      if (!check.ok) return fail(key, check.error);
      apply(
        key,
        (doc) => {
          const r = parseJudged(text, options(), sourcesOf(get(doc)));
          if (r.ok) set(doc, r.value);
        },
        true,
      );
    });
    return input;
  }

  /** A text input; `commit` "input" edits as the user types, "change" on Enter/leaving. */
  function textInput(
    key: string,
    label: string,
    value: string,
    set: (doc: ScenarioDoc, v: string) => void,
    commit: "input" | "change" = "input",
    extra: Record<string, string> = {},
  ): HTMLInputElement {
    const input = h("input", { type: "text", value, ...common(key, label), ...extra });
    input.addEventListener(commit, () => apply(key, (doc) => set(doc, input.value), commit === "input"));
    return input;
  }

  function numberInput(key: string, label: string, value: number | undefined, set: (doc: ScenarioDoc, v: number) => void): HTMLInputElement {
    const input = h("input", { type: "text", inputmode: "decimal", class: "num", value: value ?? "", ...common(key, label) });
    input.addEventListener("input", () => {
      const t = input.value.trim();
      if (!NUMBER.test(t)) return fail(key, `'${t}' is not a number`);
      apply(key, (doc) => set(doc, Number(t)), true);
    });
    return input;
  }

  const button = (label: string, onclick: () => void, attrs: Record<string, string> = {}) =>
    h("button", { type: "button", onclick, ...attrs }, label);

  // ---------- rendering ----------

  function optionsOf(doc: ScenarioDoc | null, issueId: string): string[] {
    return doc?.issues.find((i) => i.id === issueId)?.options ?? [];
  }

  function renderMeta(doc: ScenarioDoc): HTMLElement {
    const field = (f: "id" | "title" | "as_of", label: string) =>
      h("label", {}, h("span", {}, label), textInput(metaKey(f), label, doc[f] ?? "", (d, v) => M.setMeta(d, f, v)));
    const desc = h("textarea", { rows: "3", ...common(metaKey("description"), "Description") }, doc.description ?? "");
    desc.addEventListener("input", () => apply(metaKey("description"), (d) => M.setMeta(d, "description", desc.value), true));
    const notes = h("textarea", { rows: "3", ...common(metaKey("notes"), "Notes") }, doc.notes ?? "");
    notes.addEventListener("input", () => apply(metaKey("notes"), (d) => M.setMeta(d, "notes", notes.value), true));
    return h(
      "fieldset",
      { class: "meta" },
      h("legend", {}, "Scenario"),
      field("title", "Title"),
      field("id", "Id"),
      field("as_of", "As of"),
      h("label", { class: "wide" }, h("span", {}, "Description"), desc),
      h("details", { class: "wide" }, h("summary", {}, "Notes (method, judgments, caveats)"), notes),
    );
  }

  function renderGrid(doc: ScenarioDoc): HTMLElement {
    const head = h(
      "tr",
      {},
      h("th", { scope: "col" }, "Actor"),
      h("th", { scope: "col" }, "Name"),
      h("th", { scope: "col", title: "capability (>= 0; only ratios matter)" }, "Capability"),
      h("th", { scope: "col", title: "how acceptable failing talks is, 0..100" }, "No-deal acc."),
      doc.issues.map((iss) =>
        h(
          "th",
          { scope: "col", class: "issue-col", title: iss.name || iss.id },
          h("span", { class: "issue-id" }, iss.id),
          h("span", { class: "scale" }, iss.options?.length ? iss.options.join(" · ") : `${iss.scale?.min ?? 0}..${iss.scale?.max ?? 100}`),
        ),
      ),
      h("th", { scope: "col" }, h("span", { class: "sr-only" }, "Remove")),
    );
    const rows = doc.actors.map((a, ai) => {
      const cells = doc.issues.map((iss) => {
        const entry = M.getCell(doc, a.id, iss.id);
        const inputs = CELL_FIELDS.map((f) =>
          h(
            "label",
            { class: `cell-field f-${f}` },
            h("span", { "aria-hidden": "true", title: f }, FIELD_LABEL[f]),
            judgedInput(
              cellKey(a.id, iss.id, f),
              `${a.id} on ${iss.id}: ${f}`,
              entry?.[f],
              () => (f === "position" ? optionsOf(state.scenario, iss.id) : []),
              (d) => M.getCell(d, a.id, iss.id)?.[f],
              (d, v) => M.setCell(d, a.id, iss.id, f, v),
              {
                "data-testid": cellKey(a.id, iss.id, f),
                "data-row": String(ai * 3 + CELL_FIELDS.indexOf(f)),
                "data-col": String(doc.issues.indexOf(iss)),
                placeholder: f === "capability" ? formatJudged(a.capability) || "0" : "",
              },
            ),
          ),
        );
        return h("td", { class: "cell" }, inputs);
      });
      return h(
        "tr",
        {},
        h("th", { scope: "row" }, textInput(actorKey(ai, "id"), `actor ${ai + 1} id`, a.id, (d, v) => M.renameActor(d, ai, v), "change", { class: "id" })),
        h("td", {}, textInput(actorKey(ai, "name"), `${a.id} name`, a.name ?? "", (d, v) => M.setActorField(d, ai, "name", v))),
        h(
          "td",
          {},
          judgedInput(actorKey(ai, "capability"), `${a.id} capability`, a.capability, () => [], (d) => d.actors[ai]?.capability, (d, v) =>
            M.setActorField(d, ai, "capability", v),
          { "data-testid": `actor-${a.id}-capability` }),
        ),
        h(
          "td",
          {},
          judgedInput(
            actorKey(ai, "no_deal_acceptability"),
            `${a.id} no-deal acceptability`,
            a.no_deal_acceptability,
            () => [],
            (d) => d.actors[ai]?.no_deal_acceptability,
            (d, v) => M.setActorField(d, ai, "no_deal_acceptability", v),
          ),
        ),
        cells,
        h("td", {}, button("✕", () => apply(actorKey(ai, "id"), (d) => M.removeActor(d, ai), false), { "aria-label": `Remove actor ${a.id}`, title: `Remove actor ${a.id}`, class: "remove" })),
      );
    });
    const wrap = h(
      "div",
      { class: "grid-wrap", role: "region", "aria-label": "Actors by issues (Up/Down or Enter move between rows)", tabindex: "0" },
      h(
        "table",
        { class: "grid" },
        h("caption", {}, "Each cell: P position, S salience (0..100), C capability on this issue (empty = the actor's). Distributions: 50±10, 40..60, 40/50/70, [60, 70, 90]."),
        h("thead", {}, head),
        h("tbody", {}, rows),
      ),
    );
    wrap.addEventListener("keydown", (ev) => gridKey(wrap, ev));
    return wrap;
  }

  /** Up/Down (and Enter / Shift+Enter) move to the same field of the next/previous row. */
  function gridKey(wrap: HTMLElement, ev: KeyboardEvent): void {
    const t = ev.target as HTMLElement;
    if (!(t instanceof HTMLInputElement) || t.dataset.row === undefined || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    let step = 0;
    if (ev.key === "ArrowDown" || (ev.key === "Enter" && !ev.shiftKey)) step = 1;
    else if (ev.key === "ArrowUp" || (ev.key === "Enter" && ev.shiftKey)) step = -1;
    if (!step) return;
    const row = Number(t.dataset.row) + step;
    const next = wrap.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${t.dataset.col}"]`);
    if (next) {
      ev.preventDefault();
      next.focus();
      next.select();
    }
  }

  function renderIssue(doc: ScenarioDoc, ii: number): HTMLElement {
    const iss = doc.issues[ii];
    const isOptions = !!iss.options?.length;
    const anchors = (iss.anchors ?? []).map((an, j) =>
      h(
        "li",
        { class: "anchor" },
        numberInput(anchorKey(ii, j, "at"), `${iss.id} anchor ${j + 1} at`, an.at, (d, v) => M.setAnchor(d, ii, j, "at", v)),
        textInput(anchorKey(ii, j, "label"), `${iss.id} anchor ${j + 1} label`, an.label, (d, v) => M.setAnchor(d, ii, j, "label", v)),
        button("✕", () => apply(anchorKey(ii, j, "at"), (d) => M.removeAnchor(d, ii, j), false), {
          "aria-label": `Remove anchor ${j + 1} of ${iss.id}`,
          class: "remove",
        }),
      ),
    );
    const optionsInput = textInput(
      issueKey(ii, "options"),
      `${iss.id} options`,
      (iss.options ?? []).join(", "),
      (d, v) => M.setOptions(d, ii, M.parseOptions(v)),
      "change",
      { placeholder: "none: a numeric scale" },
    );
    return h(
      "fieldset",
      { class: "issue" },
      h("legend", {}, `Issue ${ii + 1}: ${iss.id}`),
      h("label", {}, h("span", {}, "Id"), textInput(issueKey(ii, "id"), `issue ${ii + 1} id`, iss.id, (d, v) => M.renameIssue(d, ii, v), "change", { class: "id" })),
      h("label", {}, h("span", {}, "Name"), textInput(issueKey(ii, "name"), `${iss.id} name`, iss.name ?? "", (d, v) => M.setIssueField(d, ii, "name", v))),
      isOptions
        ? null
        : h(
            "span",
            { class: "scale-inputs" },
            h("label", {}, h("span", {}, "Min"), numberInput(issueKey(ii, "min"), `${iss.id} scale min`, iss.scale?.min ?? 0, (d, v) => M.setScale(d, ii, "min", v))),
            h("label", {}, h("span", {}, "Max"), numberInput(issueKey(ii, "max"), `${iss.id} scale max`, iss.scale?.max ?? 100, (d, v) => M.setScale(d, ii, "max", v))),
          ),
      h("label", {}, h("span", {}, "Options (comma-separated)"), optionsInput),
      h(
        "label",
        {},
        h("span", {}, "No-deal point"),
        judgedInput(issueKey(ii, "no_deal"), `${iss.id} no-deal point`, iss.no_deal, () => optionsOf(state.scenario, iss.id), (d) => d.issues[ii]?.no_deal, (d, v) =>
          M.setIssueField(d, ii, "no_deal", v),
        ),
      ),
      isOptions
        ? null
        : h(
            "div",
            { class: "anchors", "data-key": issueKey(ii, "anchors") },
            h("span", {}, "Anchors (labelled points on the scale)"),
            h("ol", {}, anchors),
            button("Add anchor", () => apply(issueKey(ii, "anchors"), (d) => M.addAnchor(d, ii), false)),
          ),
      button(`Remove issue ${iss.id}`, () => apply(issueKey(ii, "id"), (d) => M.removeIssue(d, ii), false), { class: "danger" }),
    );
  }

  function renderParties(doc: ScenarioDoc): HTMLElement {
    const all = doc.parties === undefined;
    const every = h("input", { type: "checkbox", checked: all, "data-testid": "parties-all" });
    every.addEventListener("change", () =>
      apply(PARTIES_KEY, (d) => M.setParties(d, every.checked ? undefined : d.actors.map((a) => a.id)), false),
    );
    const boxes = doc.actors.map((a) => {
      const box = h("input", { type: "checkbox", checked: all || doc.parties!.includes(a.id), disabled: all, "data-testid": `party-${a.id}` });
      box.addEventListener("change", () =>
        apply(
          PARTIES_KEY,
          (d) => {
            const cur = d.parties ?? d.actors.map((x) => x.id);
            M.setParties(d, box.checked ? [...cur, a.id] : cur.filter((p) => p !== a.id));
          },
          false,
        ),
      );
      return h("label", { class: "check" }, box, a.name ? `${a.id} (${a.name})` : a.id);
    });
    return h(
      "fieldset",
      { class: "parties", "data-key": PARTIES_KEY },
      h("legend", {}, "Parties (whose consent a deal needs)"),
      h("label", { class: "check" }, every, "Every actor"),
      h("div", { class: "checks" }, boxes),
    );
  }

  function renderSources(doc: ScenarioDoc): HTMLElement {
    const rows = (doc.sources ?? []).map((src, k) =>
      h(
        "li",
        { class: "source" },
        textInput(sourceKey(k, "id"), `source ${k + 1} id`, src.id, (d, v) => M.renameSource(d, k, v), "change", { class: "id" }),
        textInput(sourceKey(k, "citation"), `${src.id} citation`, src.citation ?? "", (d, v) => M.setSourceField(d, k, "citation", v), "input", {
          placeholder: "citation",
          class: "citation",
        }),
        textInput(sourceKey(k, "url"), `${src.id} URL`, src.url ?? "", (d, v) => M.setSourceField(d, k, "url", v), "input", { placeholder: "https://…" }),
        textInput(sourceKey(k, "date"), `${src.id} date`, src.date ?? "", (d, v) => M.setSourceField(d, k, "date", v), "input", {
          placeholder: "YYYY-MM-DD",
          class: "date",
        }),
        button("✕", () => apply(sourceKey(k, "id"), (d) => M.removeSource(d, k), false), { "aria-label": `Remove source ${src.id}`, class: "remove" }),
      ),
    );
    return h(
      "details",
      { class: "sources-edit" },
      h("summary", {}, `Sources (${doc.sources?.length ?? 0})`),
      h(
        "fieldset",
        { "data-key": SOURCES_KEY },
        h("legend", { class: "sr-only" }, "Sources"),
        h("ol", {}, rows),
        button("Add source", () => apply(SOURCES_KEY, (d) => void M.addSource(d), false)),
      ),
    );
  }

  function render(): void {
    const active = document.activeElement as HTMLElement | null;
    const focusKey = active && root.contains(active) ? active.dataset.key ?? active.dataset.testid : undefined;
    const sel = active instanceof HTMLInputElement ? [active.selectionStart, active.selectionEnd] : null;
    const doc = state.scenario;
    if (!doc) {
      root.replaceChildren(
        h("h1", {}, "Editor"),
        h("p", {}, "No scenario is loaded."),
        h(
          "p",
          { class: "actions" },
          button("Choose a scenario", () => go("scenarios")),
          button("Start an empty scenario", () => state.load(M.emptyScenario(), "new-scenario")),
        ),
      );
      return;
    }
    root.replaceChildren(
      h("h1", {}, "Editor"),
      h(
        "div",
        { class: "toolbar", role: "toolbar", "aria-label": "Editing" },
        undoBtn,
        redoBtn,
        button("Add actor", () => apply("add-actor", (d) => void M.addActor(d), false), { "data-testid": "add-actor" }),
        button("Add issue", () => apply("add-issue", (d) => void M.addIssue(d), false), { "data-testid": "add-issue" }),
      ),
      h("section", { class: "problems-box", "aria-label": "Problems" }, h("h2", {}, "Problems"), summary, problemsList),
      renderMeta(doc),
      h("h2", {}, "Actors × issues"),
      renderGrid(doc),
      renderParties(doc),
      h("h2", {}, "Issues"),
      h("div", { class: "issues" }, doc.issues.map((_, ii) => renderIssue(doc, ii))),
      renderSources(doc),
    );
    markProblems();
    if (focusKey) {
      const target = [...root.querySelectorAll<HTMLElement>("[data-key],[data-testid]")].find(
        (x) => x.dataset.key === focusKey || x.dataset.testid === focusKey,
      );
      if (target) {
        target.focus();
        if (sel && target instanceof HTMLInputElement && sel[0] !== null) {
          try {
            target.setSelectionRange(sel[0], sel[1]);
          } catch {
            /* not a text input */
          }
        }
      }
    }
  }

  function markProblems(): void {
    undoBtn.disabled = !state.canUndo;
    redoBtn.disabled = !state.canRedo;
    const doc = state.scenario;
    const byKey = new Map<string, string[]>();
    const entries: Array<{ key: string | null; text: string; local: boolean }> = [];
    for (const p of state.problems as Problem[]) {
      const key = problemKey(doc, p);
      const text = problemText(p);
      entries.push({ key, text, local: false });
      if (key) byKey.set(key, [...(byKey.get(key) ?? []), p.message]);
    }
    for (const [key, msg] of localErrors) {
      entries.push({ key, text: `${key}: ${msg} (not applied)`, local: true });
      byKey.set(key, [...(byKey.get(key) ?? []), msg]);
    }
    for (const x of root.querySelectorAll<HTMLElement>("[data-key]")) {
      const msgs = byKey.get(x.dataset.key!);
      x.classList.toggle("invalid", !!msgs);
      if (msgs) {
        x.title = msgs.join("\n");
        x.setAttribute("aria-invalid", "true");
      } else {
        if (x.dataset.hint) x.title = x.dataset.hint;
        else x.removeAttribute("title");
        x.removeAttribute("aria-invalid");
      }
    }
    summary.textContent = entries.length === 0 ? "No problems." : `${entries.length} problem${entries.length === 1 ? "" : "s"}:`;
    problemsList.replaceChildren(
      ...entries.map((e) => {
        const target = e.key ? [...root.querySelectorAll<HTMLElement>("[data-key]")].find((x) => x.dataset.key === e.key) : undefined;
        const body = target ? h("button", { type: "button", class: "link", onclick: () => target.focus() }, e.text) : e.text;
        return h("li", { class: e.local ? "local" : "" }, body);
      }),
    );
  }

  function onKey(ev: KeyboardEvent): void {
    if (!(ev.ctrlKey || ev.metaKey) || ev.altKey) return;
    const k = ev.key.toLowerCase();
    if (k === "z" && !ev.shiftKey) {
      ev.preventDefault();
      state.undo();
    } else if ((k === "z" && ev.shiftKey) || k === "y") {
      ev.preventDefault();
      state.redo();
    }
  }

  const unsubscribe = state.subscribe((_s, reason, origin) => {
    if (reason === "run") return;
    if (reason === "problems" || origin === token) {
      markProblems();
      return;
    }
    localErrors.clear();
    render();
  });
  document.addEventListener("keydown", onKey);
  render();
  return () => {
    unsubscribe();
    document.removeEventListener("keydown", onKey);
  };
}
