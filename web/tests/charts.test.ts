// The chart option builders on real CLI documents. tests/fixtures/*.json were written by the
// entente CLI (0.1.0, --no-store): `run ukraine-2025 --format json`, `trace ukraine-2025
// --model eum|smp`, `deals ukraine-2025 [--parties RUS,UKR | RUS,UKR,USA]`, `sweep ukraine-2025
// --model median --draws 2000 --noise position=10`, `sensitivity ukraine-2025 --model median`,
// `scenarios export ukraine-2025`, `models`; deals-empty.json: `deals --parties RUS,UKR --loss
// quadratic` on ukraine-2025 with RUS at 100, UKR at 5, saliences 50 and every no-deal at 52.5.
import { describe, expect, it } from "vitest";
import type { RunDoc, ScenarioDoc, SweepDoc, TraceDoc } from "../src/api";
import type { DealsDocument, SensitivityDocument } from "../src/charts/docs";
import { actorsOnIssue, judged } from "../src/charts/docs";
import { dotSize, forecastOption, issueForecasts } from "../src/charts/forecast";
import { medianSeries, smpPlaneOption, traceOption } from "../src/charts/trace";
import { dealsOption, solutionPoints } from "../src/charts/deals";
import { binValues, histogramOption } from "../src/charts/sweep";
import { tornadoOption, topInputs } from "../src/charts/tornado";
import { OKABE_ITO, PALETTE } from "../src/charts/palette";
import runJson from "./fixtures/run-ukraine.json";
import scenarioJson from "./fixtures/scenario-ukraine.json";
import eumJson from "./fixtures/trace-eum.json";
import smpJson from "./fixtures/trace-smp.json";
import deals2Json from "./fixtures/deals-2p.json";
import deals3Json from "./fixtures/deals-3p.json";
import deals4Json from "./fixtures/deals-ukraine.json";
import dealsEmptyJson from "./fixtures/deals-empty.json";
import sweepJson from "./fixtures/sweep-ukraine.json";
import sensJson from "./fixtures/sensitivity-ukraine.json";

const run = runJson as unknown as RunDoc;
const scenario = scenarioJson as unknown as ScenarioDoc;
const eum = eumJson as unknown as TraceDoc;
const smp = smpJson as unknown as TraceDoc;
const sweep = sweepJson as unknown as SweepDoc;
const sens = sensJson as unknown as SensitivityDocument;
type AnySeries = Record<string, any>;
const seriesOf = (o: { series?: unknown }) => o.series as AnySeries[];

describe("palette", () => {
  it("is the eight Okabe–Ito colours", () => {
    expect(new Set(PALETTE)).toEqual(new Set(OKABE_ITO));
    expect(PALETTE).toHaveLength(8);
  });
});

describe("forecastOption", () => {
  const o = forecastOption(run, "TERRITORY", scenario);
  const series = seriesOf(o);
  it("puts each model's marker at the model's forecast", () => {
    for (const m of run.models) {
      const want = m.forecasts.find((f) => f.issue === "TERRITORY")!.value;
      const s = series.find((x) => x.name === m.model)!;
      expect(s.markLine.data[0].xAxis).toBe(want);
      expect(s.data[0].value[0]).toBe(want);
    }
    const median = series.find((x) => x.name === "median")!;
    expect(median.markLine.data[0].xAxis).toBe(60);
  });
  it("draws every actor at its position, bigger for more capability x salience", () => {
    const actors = series.find((x) => x.name === "actors")!.data as Array<{ value: [number, string]; symbolSize: number }>;
    expect(actors).toHaveLength(10);
    const usa = actors.find((a) => a.value[1] === "USA")!;
    expect(usa.value[0]).toBe(60); // USA on TERRITORY: position 60 (capability 80, salience 50)
    const rows = actorsOnIssue(scenario, "TERRITORY");
    const maxW = Math.max(...rows.map((r) => r.capability * r.salience));
    const biggest = rows.find((r) => r.capability * r.salience === maxW)!;
    expect(actors.find((a) => a.value[1] === biggest.id)!.symbolSize).toBe(32);
    expect(dotSize(maxW / 4, maxW)).toBe(6 + 13);
  });
  it("labels the scale with the issue's anchors and its no-deal point", () => {
    const anchors = series.find((x) => x.name === "anchors")!.markLine.data as Array<{ name: string; xAxis: number }>;
    expect(anchors.map((a) => a.xAxis)).toEqual([0, 25, 50, 75, 100, 55]);
    expect(anchors[2].name).toMatch(/^Freeze on the current line of contact/);
    expect(o.xAxis).toMatchObject({ min: 0, max: 100 });
  });
  it("lists one forecast per model for data-forecast", () => {
    const f = issueForecasts(run, "NATO");
    expect(f.map((x) => x.model)).toEqual(["compromise", "median", "eum", "smp"]);
    expect(f[1].value).toBe(75);
  });
  it("rejects an unknown issue", () => {
    expect(() => forecastOption(run, "NOPE", scenario)).toThrow(/no issue NOPE/);
  });
  it("reads judged numbers of every form", () => {
    expect(judged({ value: 7, sources: ["S1"] })).toBe(7);
    expect(judged([10, 20, 60])).toBe(30);
    expect(judged({ min: 10, max: 30 })).toBe(20);
    expect(judged("b", { id: "X", options: ["a", "b"] })).toBe(1);
  });
});

describe("traceOption", () => {
  it("draws one line per actor per round plus the median (EUM)", () => {
    const o = traceOption(eum, "TERRITORY");
    const s = seriesOf(o);
    const t = eum.traces.find((x) => x.dims[0] === "TERRITORY")!;
    expect(s).toHaveLength(t.actors.length + 1);
    expect((o.xAxis as { data: string[] }).data).toHaveLength(t.rounds.length);
    const usa = s.find((x) => x.name === "USA")!;
    expect(usa.data[0]).toBe(60); // round 0: the input position
    expect(usa.data[1]).toBe(35); // round 1: USA capitulates to the EU, 60 -> 35
    expect(s[s.length - 1].data).toEqual(t.rounds.map((r) => r.stats.median));
  });
  it("marks the highlighted round", () => {
    const s = seriesOf(traceOption(eum, "NATO", 3));
    expect(s[s.length - 1].markLine.data[0].xAxis).toBe("3");
  });
  it("computes the median when the trace has none (SMP)", () => {
    const t = smp.traces[0];
    const m = medianSeries(t, 0);
    const sorted = t.rounds[0].positions.map((p) => p[0]).sort((a, b) => a - b);
    expect(m[0]).toBe((sorted[4] + sorted[5]) / 2);
    const s = seriesOf(traceOption(smp, "NATO"));
    expect(s.find((x) => x.name === "RUS")!.data[0]).toBe(t.rounds[0].positions[1][1]);
  });
  it("draws SMP on a plane of two issues", () => {
    const s = seriesOf(smpPlaneOption(smp, "TERRITORY", "NATO"));
    expect(s).toHaveLength(10);
    expect(s[0].data[0]).toEqual(smp.traces[0].rounds[0].positions[0].slice(0, 2));
    expect(() => smpPlaneOption(eum, "TERRITORY", "NATO")).toThrow(/no trace spans/);
  });
});

describe("dealsOption", () => {
  it("2 parties: the frontier series hold exactly the document's Pareto points", () => {
    const d = deals2Json as unknown as DealsDocument;
    const s = seriesOf(dealsOption(d));
    const zone = s.find((x) => x.name === "Pareto frontier (zone of agreement)")!;
    const all = s.find((x) => x.name === "Pareto frontier (all packages)")!;
    expect(zone.data).toHaveLength(d.pareto_zone.points!);
    expect(all.data).toHaveLength(d.pareto.points!);
    expect(zone.data).toEqual(d.pareto_zone.frontier);
  });
  it("marks Nash, KS, egalitarian and utilitarian at their utilities", () => {
    const d = deals2Json as unknown as DealsDocument;
    const s = seriesOf(dealsOption(d));
    const nash = d.solutions.find((x) => x.key === "nash")!;
    const marker = s.find((x) => x.name === "Nash")!;
    expect(marker.data[0]).toEqual(nash.utilities!.map((u) => u.utility));
    for (const name of ["KS", "egalitarian", "utilitarian"]) expect(s.some((x) => x.name === name)).toBe(true);
    expect(s.find((x) => x.name === "no deal")!.data[0]).toEqual(d.space.parties.map((p) => p.disagreement));
  });
  it("3 parties: two axes and the third as colour", () => {
    const d = deals3Json as unknown as DealsDocument;
    const o = dealsOption(d);
    const zone = seriesOf(o).find((x) => x.name === "Pareto frontier (zone of agreement)")!;
    expect(zone.data).toHaveLength(d.pareto_zone.points!);
    expect(zone.data[0]).toHaveLength(3);
    expect(o.visualMap).toMatchObject({ dimension: 2 });
    expect(solutionPoints(d)[0].s.key).toBe("nash");
  });
  it("4 parties: parallel axes, one per party", () => {
    const d = deals4Json as unknown as DealsDocument;
    const o = dealsOption(d);
    expect(o.parallelAxis).toHaveLength(4);
    const s = seriesOf(o);
    expect(s[0].data).toHaveLength(4777);
    expect(s.filter((x) => x.type === "parallel")).toHaveLength(2 + solutionPoints(d).length);
  });
});

describe("dealsOption, empty zone", () => {
  it("has an empty zone frontier and marks only the solution that exists", () => {
    const d = dealsEmptyJson as unknown as DealsDocument;
    const s = seriesOf(dealsOption(d));
    expect(s.find((x) => x.name === "Pareto frontier (zone of agreement)")!.data).toEqual([]);
    expect(s.find((x) => x.name === "Pareto frontier (all packages)")!.data).toHaveLength(d.pareto.points!);
    expect(solutionPoints(d).map((p) => p.s.key)).toEqual(["utilitarian"]);
  });
});

describe("histogramOption", () => {
  it("has bins that sum to the draws", () => {
    for (const st of sweep.models[0].issues) {
      const s = seriesOf(histogramOption(sweep, st.issue));
      const total = (s[0].data as number[]).reduce((a, b) => a + b, 0);
      expect(total).toBe(st.n - st.failed);
      expect(total).toBe(2000);
    }
  });
  it("marks the median's bin", () => {
    const s = seriesOf(histogramOption(sweep, "TERRITORY"));
    expect(s[0].markLine.data[0].xAxis).toBe(5); // median 55.4 lies in the bin 50–60
  });
  it("bins 100,000 values without a point per draw", () => {
    const xs = new Float64Array(100000).map((_, i) => (i % 100) + 0.5);
    const counts = binValues(xs, 0, 100, 10);
    expect(counts).toEqual(new Array(10).fill(10000));
  });
});

describe("tornadoOption", () => {
  it("sorts the bars by swing, largest on top", () => {
    const o = tornadoOption(sens, "TERRITORY");
    const rows = topInputs(sens, "TERRITORY");
    expect(rows).toHaveLength(10);
    for (let k = 1; k < rows.length; k++) expect(rows[k - 1].swing!).toBeGreaterThanOrEqual(rows[k].swing!);
    expect((o.yAxis as { data: string[] }).data[0]).toBe("USA / TERRITORY / salience");
    const [low, high] = seriesOf(o);
    expect(low.data[0]).toBe(40 - 60); // forecast 40 with the input low, base 60
    expect(high.data[0]).toBe(60 - 60);
    expect(o.xAxis).toMatchObject({ min: -20, max: 20 }); // symmetric: the widest move is 60 -> 40
    expect(high.markLine.data[0].xAxis).toBe(0);
  });
});

describe("niceCeil", () => {
  it("rounds an axis end up to 1, 2, 2.5 or 5 x 10^k", async () => {
    const { niceCeil } = await import("../src/charts/tornado");
    expect([20, 21, 0.3, 7, 100].map(niceCeil)).toEqual([20, 25, 0.5, 10, 100]);
  });
});
