// The analysis views (forecast, trace, deals, uncertainty) against a mocked API that answers
// with the real CLI documents of tests/fixtures.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { JobHandlers, ModelsDoc, RunDoc, ScenarioDoc, SweepDoc, TraceDoc } from "../src/api";
import modelsJson from "./fixtures/models.json";
import runJson from "./fixtures/run-ukraine.json";
import scenarioJson from "./fixtures/scenario-ukraine.json";
import eumJson from "./fixtures/trace-eum.json";
import deals2Json from "./fixtures/deals-2p.json";
import deals3Json from "./fixtures/deals-3p.json";
import dealsEmptyJson from "./fixtures/deals-empty.json";
import sweepJson from "./fixtures/sweep-ukraine.json";

const handlers: Array<JobHandlers<unknown>> = [];
vi.mock("../src/api", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/api")>();
  return {
    ...real,
    getModels: vi.fn(async () => modelsJson as unknown as ModelsDoc),
    run: vi.fn(async () => runJson as unknown as RunDoc),
    trace: vi.fn(async () => eumJson as unknown as TraceDoc),
    deals: vi.fn(async () => deals2Json),
    startJob: vi.fn(async () => ({ job: "j1" })),
    cancelJob: vi.fn(async () => undefined),
    report: vi.fn(async () => "<!doctype html><title>r</title>"),
    download: vi.fn(),
    jobEvents: vi.fn((_id: string, h: JobHandlers<unknown>) => {
      handlers.push(h);
      return () => undefined;
    }),
  };
});

import * as echarts from "echarts/core";
import * as api from "../src/api";
import { setDefaultRenderer } from "../src/charts/render";
import { state } from "../src/state";
import * as forecast from "../src/views/forecast";
import * as trace from "../src/views/trace";
import * as deals from "../src/views/deals";
import * as uncertainty from "../src/views/uncertainty";

const scenario = scenarioJson as unknown as ScenarioDoc;
const flush = () => new Promise((r) => setTimeout(r, 0));
const q = (el: HTMLElement, id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;
let el: HTMLElement;
let unmount: () => void = () => undefined;

beforeAll(() => {
  // jsdom has no canvas: SVG charts, text measured by a fixed-width estimate.
  setDefaultRenderer("svg");
  Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, "clientHeight", { configurable: true, get: () => 300 });
  echarts.setPlatformAPI({ measureText: (text: string) => ({ width: text.length * 6 }) });
});

beforeEach(() => {
  vi.clearAllMocks();
  forecast.resetForecastChoices();
  handlers.length = 0;
  state.load(scenario, "ukraine-2025");
  el = document.createElement("div");
  document.body.replaceChildren(el);
});
afterEach(() => unmount());

describe("forecast view", () => {
  it("keeps the chosen models and parameters when the view is left and opened again", async () => {
    unmount = forecast.mount(el);
    const eum = await vi.waitFor(() => {
      const b = el.querySelector<HTMLInputElement>('[data-testid="model-eum"]');
      if (!b) throw new Error("no model-eum yet");
      return b;
    });
    eum.checked = false;
    eum.dispatchEvent(new Event("change"));
    const weight = el.querySelector<HTMLSelectElement>('[data-testid="param-median-weight"]')!;
    weight.value = "salience";
    weight.dispatchEvent(new Event("change"));
    unmount();
    el.replaceChildren();
    const calls = (api.getModels as unknown as { mock: { calls: unknown[] } }).mock.calls.length;
    unmount = forecast.mount(el);
    const again = await vi.waitFor(() => {
      const b = el.querySelector<HTMLInputElement>('[data-testid="model-eum"]');
      if (!b) throw new Error("no model-eum yet");
      return b;
    });
    expect(again.checked).toBe(false);
    expect(el.querySelector<HTMLInputElement>('[data-testid="model-median"]')!.checked).toBe(true);
    expect(el.querySelector<HTMLSelectElement>('[data-testid="param-median-weight"]')!.value).toBe("salience");
    expect((api.getModels as unknown as { mock: { calls: unknown[] } }).mock.calls.length).toBe(calls); // fetched once
  });

  it("builds model forms from /api/models and runs the checked models", async () => {
    unmount = forecast.mount(el);
    await flush();
    for (const m of ["compromise", "median", "eum", "smp"]) expect(q(el, `model-${m}`)).toBeTruthy();
    expect((q(el, "param-eum-rounds") as HTMLInputElement).value).toBe("10");
    expect(api.run).toHaveBeenCalledWith(state.scenario, ["compromise", "median", "eum", "smp"]);
    await flush();
    const box = q(el, "forecast-chart-NATO");
    const f = JSON.parse(box.getAttribute("data-forecast")!) as Array<{ model: string; value: number }>;
    expect(f.find((x) => x.model === "median")!.value).toBe(75);
    expect(q(el, "forecast-table").querySelectorAll("tbody tr")).toHaveLength(8);
  });
  it("sends changed parameters in the spec and re-runs after an edit", async () => {
    unmount = forecast.mount(el);
    await flush();
    const rounds = q(el, "param-eum-rounds") as HTMLInputElement;
    rounds.value = "5";
    rounds.dispatchEvent(new Event("change"));
    (q(el, "model-smp") as HTMLInputElement).click();
    state.edit((d) => (d.positions![0].salience = 60));
    await new Promise((r) => setTimeout(r, 200));
    expect(api.run).toHaveBeenLastCalledWith(state.scenario, ["compromise", "median", "eum(rounds=5)"]);
  });
  it("re-runs an edit in the background once opened, so the forecast is ready on return", async () => {
    unmount = forecast.mount(el);
    await flush();
    unmount();
    unmount = () => undefined;
    vi.mocked(api.run).mockClear();
    const revision = state.revision;
    state.edit((d) => (d.positions![0].salience = 61));
    expect(state.revision).toBeGreaterThan(revision);
    await new Promise((r) => setTimeout(r, 200));
    expect(api.run).toHaveBeenCalledTimes(1);
    expect(vi.mocked(api.run).mock.calls[0][0]).toEqual(state.scenario);
    // Opening the view now draws that result without asking the server again.
    unmount = forecast.mount(el);
    await flush();
    expect(api.run).toHaveBeenCalledTimes(1);
    expect(el.querySelector('[data-testid="forecast-chart-TERRITORY"]')).not.toBeNull();
  });
  it("exports the report of the current scenario as report.html", async () => {
    unmount = forecast.mount(el);
    await flush();
    q(el, "export-report").click();
    await flush();
    expect(api.report).toHaveBeenCalledWith({
      scenario: state.scenario, models: ["compromise", "median", "eum", "smp"], trace_models: ["eum"], deals: true,
    });
    expect(api.download).toHaveBeenCalledWith("report.html", "<!doctype html><title>r</title>", "text/html;charset=utf-8");
  });
  it("asks for deals in the report only when the scenario can have them", () => {
    expect(forecast.dealsPossible(scenario)).toBe(true);
    expect(forecast.dealsPossible({ ...scenario, parties: ["RUS"] })).toBe(false);
    const noNoDeal = { ...scenario, issues: scenario.issues.map((i, k) => (k ? i : { ...i, no_deal: undefined })) };
    expect(forecast.dealsPossible(noNoDeal)).toBe(false);
  });
  it("spells a spec with only the non-default parameters", () => {
    const p = (modelsJson as unknown as ModelsDoc).models[2].params;
    expect(forecast.specOf("eum", p, { rounds: "10", q: "0.5" })).toBe("eum(q=0.5)");
    expect(forecast.specOf("eum", p, {})).toBe("eum");
  });
});

describe("trace view", () => {
  it("lists the moves; choosing one highlights its round", async () => {
    unmount = trace.mount(el);
    q(el, "trace-run").click();
    await flush();
    expect(api.trace).toHaveBeenCalledWith(state.scenario, "eum", "TERRITORY");
    const moves = q(el, "trace-moves").querySelectorAll("button");
    expect(moves[0].textContent).toBe("round 1: USA capitulation with EU (60 → 35), value -0.08");
    const later = Array.from(moves).find((b) => b.dataset.round === "3")!;
    later.click();
    const active = q(el, "trace-moves").querySelectorAll("button.active");
    expect(active.length).toBeGreaterThan(0);
    for (const b of Array.from(active)) expect((b as HTMLElement).dataset.round).toBe("3");
  });
});

describe("deals view", () => {
  it("shows the zone size, the frontier counts and the solutions", async () => {
    unmount = deals.mount(el);
    q(el, "deals-run").click();
    await flush();
    const text = q(el, "deals-summary").textContent!;
    expect(text).toContain("Zone of agreement: 1,576,273,168 packages");
    expect(text).toContain("Pareto frontier in the zone: 112 packages, 112 distinct utility points.");
    const head = Array.from(q(el, "deals-summary").querySelectorAll("thead th")).map((t) => t.textContent);
    expect(head).toEqual(["", "Nash", "KS", "egalitarian", "utilitarian", "utilitarian (zone)"]);
  });
});

describe("deals view, empty zone", () => {
  it("says how far from ripe the talks are", async () => {
    vi.mocked(api.deals).mockResolvedValueOnce(dealsEmptyJson as never);
    unmount = deals.mount(el);
    q(el, "deals-run").click();
    await flush();
    const items = Array.from(q(el, "deals-summary").querySelectorAll("li")).map((li) => li.textContent);
    expect(items).toContain("The zone of agreement is empty: no package beats no deal for every party.");
    expect(items).toContain("Ripeness: a cost of no agreement of 0.0006 (utility) for every party would open it.");
    expect(items).toContain("Conflicting parties: RUS + UKR.");
    expect(items).toContain("Or one party lowers its no-deal utility alone by: RUS 0.0066, UKR 0.0066.");
    const nash = q(el, "deals-summary").querySelectorAll("tbody tr")[0].children[1];
    expect(nash.textContent).toBe("–");
  });
});

describe("deals view with 3 parties", () => {
  it("lets the user pick the two axes; the third party is the colour", async () => {
    vi.mocked(api.deals).mockResolvedValueOnce(deals3Json as never);
    unmount = deals.mount(el);
    q(el, "deals-run").click();
    await flush();
    const ids = (deals3Json as { space: { parties: Array<{ id: string }> } }).space.parties.map((p) => p.id);
    const x = q(el, "deals-x") as HTMLSelectElement;
    expect(Array.from(x.options).map((o) => o.textContent)).toEqual(ids);
    x.value = "2";
    x.dispatchEvent(new Event("change"));
    const opt = echarts.getInstanceByDom(q(el, "deals-chart"))!.getOption() as { xAxis: Array<{ name: string }>; yAxis: Array<{ name: string }> };
    expect(opt.xAxis[0].name).toBe(`${ids[2]} utility`);
    expect(opt.yAxis[0].name).toBe(`${ids[1]} utility`);
  });
});

describe("uncertainty view", () => {
  it("runs a sweep job with progress, then draws one histogram per issue", async () => {
    unmount = uncertainty.mount(el);
    (q(el, "sweep-draws") as HTMLInputElement).value = "2000";
    q(el, "sweep-run").click();
    await flush();
    expect(api.startJob).toHaveBeenCalledWith("sweep", state.scenario, { draws: 2000, noise: { position: 10 }, models: ["median"] });
    handlers[0].progress!({ done: 500, total: 2000, rate: 1000, eta_s: 1.5 });
    expect((q(el, "sweep-progress") as HTMLProgressElement).value).toBe(500);
    expect(q(el, "sweep-status").textContent).toBe("running: 500 / 2,000 draws, 1,000 draws/s, about 1.5 s left");
    handlers[0].done!(sweepJson as unknown as SweepDoc);
    expect(q(el, "sweep-status").textContent).toBe("done: 2,000 draws");
    expect(el.querySelectorAll('[data-testid^="sweep-chart-"]')).toHaveLength(8);
    const row = q(el, "sweep-table").querySelector("tbody tr")!;
    expect(Array.from(row.children).map((c) => c.textContent)).toEqual([
      "median", "TERRITORY", "55.49", "7.03", "44.37", "55.4", "67.18",
      "50–75 Freeze on the current l… / Freeze plus Ukrainian w…", "77%", // 1539 of 2000 draws
    ]);
  });
  it("cancels with DELETE and says so", async () => {
    unmount = uncertainty.mount(el);
    q(el, "sweep-run").click();
    await flush();
    q(el, "sweep-cancel").click();
    expect(api.cancelJob).toHaveBeenCalledWith("j1");
    handlers[0].cancelled!({ done: 300, total: 1000, partial: null });
    expect(q(el, "sweep-status").textContent).toBe("cancelled after 300 of 1,000 draws");
    expect((q(el, "sweep-cancel") as HTMLButtonElement).disabled).toBe(true);
  });
});
