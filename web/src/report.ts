// The chart code of `entente report` (dist/report/report.js, an IIFE with the global
// `EntenteReport`). The HTML file holds the data in <script type="application/json"
// id="entente-data"> and calls EntenteReport.render(data, el); this script also renders by
// itself on DOMContentLoaded when nothing has (rendering twice is prevented). Charts use the
// SVG renderer so they print sharply.
import type { EChartsOption } from "echarts";
import type { RunDoc, ScenarioDoc, SweepDoc, TraceDoc } from "./api";
import { dealsOption } from "./charts/deals";
import type { DealsDocument, SensitivityDocument } from "./charts/docs";
import { forecastOption } from "./charts/forecast";
import { drawChart } from "./charts/render";
import { histogramOption } from "./charts/sweep";
import { tornadoOption } from "./charts/tornado";
import { smpPlaneOption, traceOption } from "./charts/trace";

export interface ReportData {
  scenario: ScenarioDoc;
  run?: RunDoc;
  traces?: TraceDoc[];
  deals?: DealsDocument;
  sweep?: SweepDoc;
  sensitivity?: SensitivityDocument;
}

const CSS = `
.entente-chart { width: 100%; margin: .5rem 0 1rem; break-inside: avoid; page-break-inside: avoid; }
.entente-chart-error { color: #a00; font-style: italic; }
.entente-charts h2 { break-after: avoid; page-break-after: avoid; }
@media print { .entente-chart svg { max-width: 100%; height: auto; } }
`;

function ensureStyle(doc: Document): void {
  if (doc.getElementById("entente-report-style")) return;
  const s = doc.createElement("style");
  s.id = "entente-report-style";
  s.textContent = CSS;
  doc.head.appendChild(s);
}

/** One chart section: a heading and one SVG chart per option (an error note for a chart that fails). */
interface Plan {
  title: string;
  charts: Array<{ label: string; height: number; build: () => EChartsOption }>;
}

/** What the report draws for `data`, in order (exported for tests). */
export function plan(data: ReportData): Plan[] {
  const out: Plan[] = [];
  const s = data.scenario;
  if (data.run && s)
    out.push({
      title: "Forecasts",
      charts: data.run.issues.map((i) => ({
        label: `forecasts on ${i.id}`,
        height: Math.max(280, 130 + 24 * ((s.actors?.length ?? 8) + data.run!.models.length)),
        build: () => forecastOption(data.run!, i.id, s),
      })),
    });
  for (const t of data.traces ?? []) {
    const charts: Plan["charts"] = [];
    const seen = new Set<string>();
    for (const tr of t.traces)
      for (const d of tr.dims)
        if (!seen.has(d)) {
          seen.add(d);
          charts.push({ label: `${t.model} trace of ${d}`, height: 340, build: () => traceOption(t, d) });
        }
    const multi = t.traces.find((tr) => tr.dims.length > 1);
    if (multi)
      charts.push({ label: `${t.model} on the plane`, height: 380, build: () => smpPlaneOption(t, multi.dims[0], multi.dims[1]) });
    out.push({ title: `Trace: ${t.spec || t.model}`, charts });
  }
  if (data.deals)
    out.push({ title: "Deals", charts: [{ label: "Pareto frontier and bargaining solutions", height: 440, build: () => dealsOption(data.deals!) }] });
  if (data.sweep && data.sweep.models.length)
    out.push({
      title: `Uncertainty: ${data.sweep.completed} draws`,
      charts: data.sweep.models[0].issues.map((st) => ({ label: `distribution of ${st.issue}`, height: 280, build: () => histogramOption(data.sweep!, st.issue) })),
    });
  if (data.sensitivity)
    out.push({
      title: `Sensitivity: ${data.sensitivity.spec}`,
      charts: data.sensitivity.issues.map((i) => ({ label: `tornado of ${i.issue}`, height: 380, build: () => tornadoOption(data.sensitivity!, i.issue) })),
    });
  return out;
}

/** Draws every chart the data holds into `root` (default: #entente-charts, else a new section). */
export function render(data: ReportData, root?: HTMLElement | null): HTMLElement {
  const doc = document;
  let el = root ?? doc.getElementById("entente-charts");
  if (!el) {
    el = doc.createElement("section");
    el.id = "entente-charts";
    doc.body.appendChild(el);
  }
  if (el.getAttribute("data-rendered") === "true") return el;
  el.setAttribute("data-rendered", "true");
  el.classList.add("entente-charts");
  ensureStyle(doc);
  const width = Math.max(320, Math.min(1000, el.clientWidth || 900));
  for (const section of plan(data)) {
    const h2 = doc.createElement("h2");
    h2.textContent = section.title;
    el.appendChild(h2);
    for (const c of section.charts) {
      const box = doc.createElement("div");
      box.className = "entente-chart";
      box.setAttribute("role", "img");
      box.setAttribute("aria-label", c.label);
      box.style.height = `${c.height}px`;
      el.appendChild(box);
      try {
        drawChart(box, c.build(), { renderer: "svg", width, height: c.height });
      } catch (e) {
        box.className = "entente-chart entente-chart-error";
        box.style.height = "";
        box.textContent = `${c.label}: cannot draw (${e instanceof Error ? e.message : String(e)}); see the tables.`;
      }
    }
  }
  return el;
}

/** Renders from #entente-data when the page has it and nothing was rendered yet. */
export function autoRender(): void {
  const node = document.getElementById("entente-data");
  if (!node) return;
  const target = document.getElementById("entente-charts");
  if (target?.getAttribute("data-rendered") === "true") return;
  try {
    render(JSON.parse(node.textContent || "{}") as ReportData, target);
  } catch (e) {
    if (target) target.textContent = `The charts could not be drawn (${String(e)}); the tables hold every number.`;
  }
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", autoRender);
  else setTimeout(autoRender, 0);
}
