// Deals chart: the Pareto frontier in utility space with the no-deal point and the bargaining
// solutions. 2 parties: a scatter; 3: a scatter of two parties with the third as colour;
// more: parallel axes (one per party), the solutions drawn as heavy lines.
import type { EChartsOption } from "echarts";
import type { DealsDocument, Solution } from "./docs";
import { fmt } from "./docs";
import { GREY, colour, symbol } from "./palette";

const SOLUTION_KEYS = ["nash", "kalai_smorodinsky", "egalitarian", "utilitarian", "utilitarian_rational"];

export function solutionLabel(s: Solution): string {
  switch (s.key) {
    case "nash":
      return "Nash";
    case "kalai_smorodinsky":
      return "KS";
    case "egalitarian":
      return "egalitarian";
    case "utilitarian":
      return "utilitarian";
    case "utilitarian_rational":
      return "utilitarian (zone)";
    default:
      return s.name;
  }
}

/** The solutions that exist, in a fixed order, with their utility vectors (party order). */
export function solutionPoints(doc: DealsDocument): Array<{ s: Solution; u: number[] }> {
  const ids = doc.space.parties.map((p) => p.id);
  const order = (k: string) => (SOLUTION_KEYS.indexOf(k) + 100) % 100;
  return doc.solutions
    .filter((s) => s.exists && s.utilities)
    .sort((a, b) => order(a.key) - order(b.key))
    .map((s) => ({ s, u: ids.map((id) => s.utilities!.find((x) => x.party === id)?.utility ?? NaN) }));
}

export interface DealsAxes {
  x?: number;
  y?: number;
  colour?: number;
}

export function dealsOption(doc: DealsDocument, axes: DealsAxes = {}): EChartsOption {
  const parties = doc.space.parties;
  const n = parties.length;
  const zone = doc.pareto_zone.frontier ?? [];
  const all = doc.pareto.complete ? doc.pareto.frontier ?? [] : [];
  const sols = solutionPoints(doc);
  const noDeal = parties.map((p) => p.disagreement);
  if (n > 3 || n < 2) return parallelOption(doc, zone, sols, noDeal);
  const x = axes.x ?? 0;
  const y = axes.y ?? 1;
  const c = n === 3 ? axes.colour ?? [0, 1, 2].find((k) => k !== x && k !== y)! : -1;
  const pick = (u: number[]) => (c >= 0 ? [u[x], u[y], u[c]] : [u[x], u[y]]);
  const series: NonNullable<EChartsOption["series"]> = [];
  if (all.length)
    series.push({
      name: "Pareto frontier (all packages)",
      type: "scatter",
      symbolSize: 4,
      itemStyle: { color: "#bbbbbb" },
      data: all.map(pick),
      large: all.length > 2000,
    });
  series.push({
    name: "Pareto frontier (zone of agreement)",
    type: "scatter",
    symbolSize: 5,
    itemStyle: { color: colour(0) },
    data: zone.map(pick),
    large: zone.length > 2000,
  });
  series.push({
    name: "no deal",
    type: "scatter",
    symbol: "rect",
    symbolSize: 12,
    itemStyle: { color: GREY },
    label: { show: true, formatter: "no deal", position: "bottom" },
    data: [pick(noDeal)],
  });
  sols.forEach(({ s, u }, k) =>
    series.push({
      name: solutionLabel(s),
      type: "scatter",
      symbol: symbol(k + 1),
      symbolSize: 16,
      itemStyle: { color: colour(k + 1), borderColor: "#000", borderWidth: 1 },
      label: { show: true, formatter: solutionLabel(s), position: "right", fontWeight: "bold" },
      data: [pick(u)],
      z: 5,
    }),
  );
  const option: EChartsOption = {
    title: { text: "Pareto frontier and bargaining solutions", left: 0, textStyle: { fontSize: 14 } },
    aria: { enabled: true },
    animation: false,
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (p: unknown) => {
        const q = p as { seriesName: string; value: number[] };
        const parts = [`${parties[x].id} ${fmt(q.value[0], 3)}`, `${parties[y].id} ${fmt(q.value[1], 3)}`];
        if (c >= 0) parts.push(`${parties[c].id} ${fmt(q.value[2], 3)}`);
        return `${q.seriesName}: ${parts.join(", ")}`;
      },
    },
    legend: { type: "scroll", bottom: 0 },
    grid: { left: 60, right: c >= 0 ? 110 : 40, top: 50, bottom: 70 },
    xAxis: { type: "value", name: `${parties[x].id} utility`, nameLocation: "middle", nameGap: 28, scale: true },
    yAxis: { type: "value", name: `${parties[y].id} utility`, scale: true },
    series,
  };
  if (c >= 0) {
    const vals = [...zone, ...all].map((u) => u[c]).concat(noDeal[c]);
    option.visualMap = {
      type: "continuous",
      dimension: 2,
      seriesIndex: all.length ? [0, 1] : [0],
      min: Math.min(...vals),
      max: Math.max(...vals),
      text: [`${parties[c].id} high`, "low"],
      right: 0,
      top: "middle",
      calculable: true,
      inRange: { color: ["#F0E442", "#E69F00", "#D55E00", "#0072B2"] },
    };
  }
  return option;
}

function parallelOption(
  doc: DealsDocument,
  zone: number[][],
  sols: Array<{ s: Solution; u: number[] }>,
  noDeal: number[],
): EChartsOption {
  const parties = doc.space.parties;
  return {
    title: { text: "Pareto frontier in the zone (one axis per party)", left: 0, textStyle: { fontSize: 14 } },
    aria: { enabled: true },
    animation: false,
    legend: { type: "scroll", bottom: 0 },
    tooltip: { trigger: "item", confine: true },
    parallelAxis: parties.map((p, k) => ({ dim: k, name: p.id, type: "value", scale: true })),
    parallel: { left: 50, right: 60, top: 60, bottom: 60 },
    series: [
      {
        name: "Pareto frontier (zone of agreement)",
        type: "parallel",
        lineStyle: { color: colour(5), width: 0.5, opacity: 0.15 },
        data: zone,
        progressive: 2000,
      },
      { name: "no deal", type: "parallel", lineStyle: { color: GREY, width: 3, type: "dashed" }, data: [noDeal] },
      ...sols.map(({ s, u }, k) => ({
        name: solutionLabel(s),
        type: "parallel" as const,
        lineStyle: { color: colour(k + 1), width: 3, opacity: 1 },
        data: [u],
      })),
    ],
  };
}
