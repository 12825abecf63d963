// report.ts: EntenteReport.render draws every chart the data holds, as SVG, once.
import * as echarts from "echarts";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunDoc, ScenarioDoc, SweepDoc, TraceDoc } from "../src/api";
import type { DealsDocument, SensitivityDocument } from "../src/charts/docs";
import { autoRender, plan, render, type ReportData } from "../src/report";
import runJson from "./fixtures/run-ukraine.json";
import scenarioJson from "./fixtures/scenario-ukraine.json";
import eumJson from "./fixtures/trace-eum.json";
import smpJson from "./fixtures/trace-smp.json";
import deals2Json from "./fixtures/deals-2p.json";
import sweepJson from "./fixtures/sweep-ukraine.json";
import sensJson from "./fixtures/sensitivity-ukraine.json";

const data: ReportData = {
  scenario: scenarioJson as unknown as ScenarioDoc,
  run: runJson as unknown as RunDoc,
  traces: [eumJson as unknown as TraceDoc, smpJson as unknown as TraceDoc],
  deals: deals2Json as unknown as DealsDocument,
  sweep: sweepJson as unknown as SweepDoc,
  sensitivity: sensJson as unknown as SensitivityDocument,
};

beforeAll(() => {
  // jsdom has no canvas to measure text with: a fixed-width estimate instead.
  echarts.setPlatformAPI({ measureText: (text: string) => ({ width: text.length * 6 }) });
});

beforeEach(() => {
  document.head.innerHTML = "";
  document.body.innerHTML = "";
});

describe("plan", () => {
  it("lists one section per document, one chart per issue", () => {
    const p = plan(data);
    expect(p.map((s) => s.title)).toEqual([
      "Forecasts",
      `Trace: ${data.traces![0].spec}`,
      `Trace: ${data.traces![1].spec}`,
      "Deals",
      "Uncertainty: 2000 draws",
      "Sensitivity: median(weight=capability*salience)",
    ]);
    expect(p[0].charts).toHaveLength(8);
    expect(p[1].charts).toHaveLength(8); // EUM: one trace per issue
    expect(p[2].charts).toHaveLength(9); // SMP: 8 issues + the plane
    expect(p[4].charts).toHaveLength(8);
  });
  it("draws only what the data holds", () => {
    expect(plan({ scenario: data.scenario, deals: data.deals }).map((s) => s.title)).toEqual(["Deals"]);
  });
});

describe("render", () => {
  it("draws every chart as SVG into #entente-charts, once", () => {
    const root = document.createElement("section");
    root.id = "entente-charts";
    document.body.appendChild(root);
    render({ scenario: data.scenario, run: data.run, deals: data.deals }, root);
    const boxes = root.querySelectorAll(".entente-chart");
    expect(boxes).toHaveLength(9);
    expect(root.querySelectorAll(".entente-chart-error")).toHaveLength(0);
    expect(root.querySelectorAll(".entente-chart svg").length).toBe(9);
    expect(root.querySelectorAll("h2")).toHaveLength(2);
    render(data, root); // a second call (auto-run after the page's own call) draws nothing more
    expect(root.querySelectorAll(".entente-chart")).toHaveLength(9);
    expect(document.getElementById("entente-report-style")).not.toBeNull();
  });
  it("auto-renders from #entente-data", () => {
    document.body.innerHTML =
      '<section id="entente-charts"></section><script type="application/json" id="entente-data"></script>';
    document.getElementById("entente-data")!.textContent = JSON.stringify({ scenario: data.scenario, sweep: data.sweep });
    autoRender();
    const root = document.getElementById("entente-charts")!;
    expect(root.getAttribute("data-rendered")).toBe("true");
    expect(root.querySelectorAll(".entente-chart svg")).toHaveLength(8);
    expect(root.textContent).toContain("TERRITORY");
  });
  it("notes a chart it cannot draw instead of failing", () => {
    const root = render({ scenario: data.scenario, deals: { kind: "deals" } as unknown as DealsDocument, sweep: data.sweep });
    expect(root.querySelectorAll(".entente-chart-error")).toHaveLength(1);
    expect(root.querySelector(".entente-chart-error")!.textContent).toMatch(/^Pareto frontier and bargaining solutions: cannot draw/);
    expect(root.querySelectorAll(".entente-chart svg")).toHaveLength(8);
  });
});
