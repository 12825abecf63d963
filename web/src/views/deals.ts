// Deals view: POST /api/deals on the current scenario; the Pareto frontier with the bargaining
// solutions, the zone of agreement's size (or, when empty, how far from ripe it is) and every
// solution as labelled issue values with each party's utility.
import * as api from "../api";
import { dealsOption, solutionLabel } from "../charts/deals";
import type { DealsDocument } from "../charts/docs";
import { fmt, short } from "../charts/docs";
import { disposeCharts, safeDraw } from "../charts/render";
import { state } from "../state";
import { errorText, h } from "../ui";

function count(x: number | string | undefined): string {
  if (x === undefined) return "?";
  return typeof x === "number" ? x.toLocaleString("en") : x;
}

/** The zone and frontier figures in sentences. */
export function zoneSummary(d: DealsDocument): string[] {
  const out: string[] = [];
  const parties = d.space.parties.map((p) => `${p.id} ${fmt(p.disagreement, 3)}`).join(", ");
  out.push(`${d.space.parties.length} parties, ${d.space.issues.length} issues, ${count(d.space.packages)} packages. No deal is worth: ${parties}.`);
  if (d.zone.empty) {
    out.push("The zone of agreement is empty: no package beats no deal for every party.");
    const r = d.zone.ripeness;
    if (r) {
      out.push(`Ripeness: a cost of no agreement of ${fmt(r.uniform_cost, 4)} (utility) for every party would open it.`);
      if (r.binding?.length) out.push(`Conflicting parties: ${r.binding.map((b) => b.join(" + ")).join("; ")}.`);
      const shifts = (r.single_party_shift ?? []).map((x) => `${x.party} ${x.shift === null ? "cannot" : fmt(x.shift, 4)}`);
      if (shifts.length) out.push(`Or one party lowers its no-deal utility alone by: ${shifts.join(", ")}.`);
      if (r.opening_package?.length)
        out.push(`The package that opens it: ${r.opening_package.map((p) => `${p.issue} ${fmt(p.value)}`).join(", ")}.`);
    }
  } else {
    out.push(`Zone of agreement: ${count(d.zone.size)} packages${d.zone.exact === false ? " (estimated)" : ""} of ${count(d.space.packages)}.`);
  }
  const pz = d.pareto_zone;
  if (pz.complete && !d.zone.empty) out.push(`Pareto frontier in the zone: ${count(pz.packages)} packages, ${count(pz.points)} distinct utility points.`);
  if (d.pareto.complete) out.push(`Pareto frontier over all packages: ${count(d.pareto.packages)} packages, ${count(d.pareto.points)} points.`);
  else out.push("Pareto frontier over all packages: too large to list.");
  return out;
}

function solutionsTable(d: DealsDocument): HTMLTableElement {
  const sols = d.solutions;
  return h("table", { class: "data" },
    h("caption", {}, "Bargaining solutions: each issue's value, then each party's utility (gain over no deal)"),
    h("thead", {}, h("tr", {}, h("th", {}, ""), sols.map((s) => h("th", { title: s.name }, solutionLabel(s))))),
    h("tbody", {},
      d.space.issues.map((i) => h("tr", {}, h("th", { title: i.name }, i.id), sols.map((s) => {
        const p = s.package?.find((x) => x.issue === i.id);
        return h("td", { title: p?.label ?? "" }, s.exists && p ? `${fmt(p.value)} ${short(p.label ?? "", 40)}` : "–");
      }))),
      d.space.parties.map((p) => h("tr", {}, h("th", {}, `${p.id} utility`), sols.map((s) => {
        const u = s.utilities?.find((x) => x.party === p.id);
        return h("td", { class: "num" }, s.exists && u ? `${fmt(u.utility, 3)} (${u.gain >= 0 ? "+" : ""}${fmt(u.gain, 3)})` : "–");
      }))),
      h("tr", {}, h("th", {}, "ties / note"), sols.map((s) => h("td", {}, s.exists ? `${s.ties ?? ""} ${s.note}` : s.note || "none"))),
    ));
}

export function mount(el: HTMLElement): () => void {
  const step = h("input", { type: "number", id: "deals-step", "data-testid": "deals-step", value: 5, min: 0.1, step: "any" });
  const parties = h("input", { type: "text", id: "deals-parties", "data-testid": "deals-parties", placeholder: "the scenario's parties" });
  const loss = h("select", { id: "deals-loss" }, h("option", { value: "linear" }, "linear"), h("option", { value: "quadratic" }, "quadratic"));
  const runButton = h("button", { type: "button", "data-testid": "deals-run" }, "Find the deals");
  const chart = h("div", { class: "chart", "data-testid": "deals-chart", style: "height:440px", role: "img", "aria-label": "Pareto frontier" });
  const summary = h("div", { "data-testid": "deals-summary", class: "deals-summary" });
  const info = h("p", { class: "muted" });
  el.replaceChildren(
    h("h1", {}, "Deals"),
    h("div", { class: "toolbar" },
      h("label", { for: "deals-step" }, "Grid step "), step, " ",
      h("label", { for: "deals-parties" }, "Parties "), parties, " ",
      h("label", { for: "deals-loss" }, "Loss "), loss, " ", runButton),
    info, chart, summary,
  );
  // With 3 parties: which two are the axes (the third is the colour).
  const axisX = h("select", { id: "deals-x", "data-testid": "deals-x" });
  const axisY = h("select", { id: "deals-y", "data-testid": "deals-y" });
  const axes = h("div", { class: "toolbar", hidden: true },
    h("label", { for: "deals-x" }, "Horizontal axis "), axisX, " ", h("label", { for: "deals-y" }, "Vertical axis "), axisY);
  chart.before(axes);
  let last: DealsDocument | null = null;
  const fillAxes = (doc: DealsDocument) => {
    const ids = doc.space.parties.map((p) => p.id);
    axes.hidden = ids.length !== 3;
    axisX.replaceChildren(...ids.map((id, k) => h("option", { value: k, selected: k === 0 }, id)));
    axisY.replaceChildren(...ids.map((id, k) => h("option", { value: k, selected: k === 1 }, id)));
  };
  const drawLast = () => {
    if (!last) return;
    const d = last;
    const x = Number(axisX.value || 0);
    let y = Number(axisY.value || 1);
    if (y === x) y = (x + 1) % 3;
    safeDraw(chart, () => dealsOption(d, d.space.parties.length === 3 ? { x, y } : {}));
  };
  axisX.addEventListener("change", drawLast);
  axisY.addEventListener("change", drawLast);
  let alive = true;
  const runNow = async () => {
    const s = state.scenario;
    if (!s) {
      info.textContent = "No scenario loaded: load one under Scenarios.";
      return;
    }
    runButton.disabled = true;
    info.textContent = "searching…";
    try {
      const list = parties.value.split(/[,\s]+/).filter(Boolean);
      const doc = (await api.deals(s, {
        step: Number(step.value) || 5, loss: loss.value, ...(list.length ? { parties: list } : {}),
      })) as unknown as DealsDocument;
      if (!alive) return;
      info.textContent = doc.space.utility_model ?? "";
      last = doc;
      fillAxes(doc);
      drawLast();
      summary.replaceChildren(
        h("ul", {}, zoneSummary(doc).map((t) => h("li", {}, t))),
        h("div", { class: "table-wrap" }, solutionsTable(doc)),
      );
    } catch (e) {
      if (alive) info.textContent = errorText(e);
    } finally {
      runButton.disabled = false;
    }
  };
  runButton.addEventListener("click", () => void runNow());
  if (!state.scenario) info.textContent = "No scenario loaded: load one under Scenarios.";
  else parties.placeholder = (state.scenario.parties ?? []).join(",") || "the scenario's parties";
  return () => {
    alive = false;
    disposeCharts(el);
  };
}
