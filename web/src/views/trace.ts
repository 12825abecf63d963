// Trace view: run EUM or SMP with its history (POST /api/trace), positions per round as lines
// with the median, and the moves as a list: choosing a move highlights its round. SMP over two
// or more issues is also drawn on the plane of two of them.
import * as api from "../api";
import type { TraceDoc, TraceEvent } from "../api";
import { fmt } from "../charts/docs";
import { disposeCharts, safeDraw } from "../charts/render";
import { smpPlaneOption, traceFor, traceOption } from "../charts/trace";
import { state } from "../state";
import { errorText, h } from "../ui";

/** A move in words: "round 1: USA capitulation to EU (60 → 35)". */
export function moveText(e: TraceEvent, dim = -1): string {
  const pos = (xs: number[]) => (dim >= 0 && xs.length > dim ? fmt(xs[dim]) : xs.map((x) => fmt(x)).join(", "));
  const where = e.from.length || e.to.length ? ` (${pos(e.from)} → ${pos(e.to)})` : "";
  return `round ${e.round}: ${e.actor} ${e.kind} with ${e.counterpart}${where}, value ${fmt(e.value, 3)}`;
}

export function mount(el: HTMLElement): () => void {
  const model = h("select", { "data-testid": "trace-model", id: "trace-model" },
    h("option", { value: "eum" }, "EUM (expected utility)"), h("option", { value: "smp" }, "SMP (spatial model of politics)"));
  const issue = h("select", { "data-testid": "trace-issue", id: "trace-issue" });
  const planeY = h("select", { "data-testid": "trace-plane-y", id: "trace-plane-y" });
  const runButton = h("button", { type: "button", "data-testid": "trace-run" }, "Run");
  const chart = h("div", { class: "chart", "data-testid": "trace-chart", style: "height:380px", role: "img", "aria-label": "positions per round" });
  const plane = h("div", { class: "chart", "data-testid": "trace-plane", style: "height:380px", hidden: true });
  const moves = h("ol", { class: "moves", "data-testid": "trace-moves" });
  const info = h("p", { class: "muted" });
  el.replaceChildren(
    h("h1", {}, "Trace"),
    h("div", { class: "toolbar" },
      h("label", { for: "trace-model" }, "Model "), model, " ",
      h("label", { for: "trace-issue" }, "Issue "), issue, " ", runButton, " ",
      h("label", { for: "trace-plane-y" }, "Plane with "), planeY),
    info, chart, plane, h("h2", {}, "Moves"), moves,
  );

  let doc: TraceDoc | null = null;
  let highlight: number | undefined;
  let alive = true;
  const fillIssues = () => {
    const ids = (state.scenario?.issues ?? []).map((i) => i.id);
    const keep = issue.value;
    issue.replaceChildren(...ids.map((id) => h("option", { value: id, selected: id === keep }, id)));
    planeY.replaceChildren(...ids.map((id, k) => h("option", { value: id, selected: k === 1 }, id)));
  };
  fillIssues();

  const draw = () => {
    if (!doc) return;
    const id = issue.value;
    const t = traceFor(doc, id);
    if (!t) {
      info.textContent = `the ${doc.model} trace does not cover ${id}`;
      return;
    }
    info.textContent = `${doc.spec} — ${t.rounds.length - 1} round(s); ${t.stopped_by}`;
    const handle = safeDraw(chart, () => traceOption(doc!, id, highlight));
    // Clicking a round on the chart highlights it and its moves (the link works both ways).
    handle?.chart.off("click");
    handle?.chart.on("click", (p) => {
      const r = Number((p as { name?: string }).name);
      if (Number.isInteger(r)) {
        highlight = r;
        draw();
        moves.querySelector<HTMLElement>(`button[data-round="${r}"]`)?.scrollIntoView?.({ block: "nearest" });
      }
    });
    const multi = t.dims.length > 1 && t.dims.includes(planeY.value) && planeY.value !== id;
    plane.hidden = !multi;
    if (multi) safeDraw(plane, () => smpPlaneOption(doc!, id, planeY.value));
    const d = t.dims.indexOf(id);
    moves.replaceChildren(
      ...t.rounds.flatMap((r) =>
        r.events.map((e) =>
          h("li", {}, h("button", {
            type: "button", class: r.round === highlight ? "move active" : "move", "aria-pressed": String(r.round === highlight),
            "data-round": r.round,
            onclick: () => { highlight = r.round; draw(); },
          }, moveText(e, d))))),
    );
  };

  const runNow = async () => {
    const s = state.scenario;
    if (!s) {
      info.textContent = "No scenario loaded: load one under Scenarios.";
      return;
    }
    runButton.disabled = true;
    info.textContent = "running…";
    try {
      const res = await api.trace(s, model.value, model.value === "eum" ? issue.value : undefined);
      if (!alive) return;
      doc = res;
      highlight = undefined;
      draw();
    } catch (e) {
      if (alive) info.textContent = errorText(e);
    } finally {
      runButton.disabled = false;
    }
  };
  runButton.addEventListener("click", () => void runNow());
  issue.addEventListener("change", () => {
    if (doc && traceFor(doc, issue.value)) {
      highlight = undefined;
      draw();
    } else void runNow();
  });
  planeY.addEventListener("change", draw);
  model.addEventListener("change", () => void runNow());
  const unsub = state.subscribe((_s, reason) => {
    if (reason === "load") {
      fillIssues();
      doc = null;
      moves.replaceChildren();
    }
  });
  if (!state.scenario) info.textContent = "No scenario loaded: load one under Scenarios.";

  return () => {
    alive = false;
    unsub();
    disposeCharts(el);
  };
}
