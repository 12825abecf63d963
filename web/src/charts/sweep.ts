// Uncertainty charts from a sweep document: per issue, the histogram of every model's
// forecasts. The document is already binned (histogram.lo/hi/counts), so the chart's cost does
// not grow with the number of draws.
import type { EChartsOption } from "echarts";
import type { SweepDoc, SweepIssueStats } from "../api";
import { fmt } from "./docs";
import { colour } from "./palette";

export interface Bin {
  lo: number;
  hi: number;
  count: number;
}

/** The bins of one issue's histogram, with their edges. */
export function bins(stats: SweepIssueStats): Bin[] {
  const { lo, hi, counts } = stats.histogram;
  const w = (hi - lo) / Math.max(1, counts.length);
  return counts.map((count, k) => ({ lo: lo + k * w, hi: lo + (k + 1) * w, count }));
}

/** Bins from raw values (for callers holding draws): `k` equal bins over lo..hi. */
export function binValues(values: ArrayLike<number>, lo: number, hi: number, k: number): number[] {
  const counts = new Array<number>(k).fill(0);
  const scale = k / (hi - lo || 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    counts[Math.min(k - 1, Math.max(0, Math.floor((v - lo) * scale)))]++;
  }
  return counts;
}

export function histogramOption(doc: SweepDoc, issueId: string): EChartsOption {
  const per = doc.models
    .map((m) => ({ spec: m.spec, stats: m.issues.find((i) => i.issue === issueId) }))
    .filter((x): x is { spec: string; stats: SweepIssueStats } => !!x.stats);
  if (!per.length) throw new Error(`the sweep has no issue ${issueId}`);
  const edges = bins(per[0].stats);
  const categories = edges.map((b) => `${fmt(b.lo, 1)}–${fmt(b.hi, 1)}`);
  const q = per[0].stats.quantiles;
  const sub = per
    .map((p) => {
      const s = p.stats;
      return `${p.spec.split("(")[0]} — mean ${fmt(s.mean)}, sd ${fmt(s.sd)}, 5%–95% ${fmt(s.quantiles["5"])}–${fmt(s.quantiles["95"])}`;
    })
    .join("; ");
  return {
    title: { text: issueId, subtext: sub, left: 0, textStyle: { fontSize: 14 }, subtextStyle: { fontSize: 10 } },
    aria: { enabled: true },
    animation: false,
    tooltip: { trigger: "axis", confine: true },
    legend: { bottom: 0, data: per.map((p) => p.spec.split("(")[0]) },
    grid: { left: 50, right: 20, top: 60, bottom: 60 },
    xAxis: { type: "category", data: categories, name: "forecast", nameLocation: "middle", nameGap: 26 },
    yAxis: { type: "value", name: "draws" },
    series: per.map((p, k) => ({
      name: p.spec.split("(")[0],
      type: "bar" as const,
      barGap: "0%",
      itemStyle: { color: colour(k) },
      data: bins(p.stats).map((b) => b.count),
      markLine:
        k === 0 && q["50"] !== null && q["50"] !== undefined
          ? {
              symbol: "none",
              silent: true,
              label: { formatter: `median ${fmt(q["50"])}` },
              lineStyle: { color: "#000" },
              // position on the category axis: fractional bin index of the median
              data: [{ xAxis: medianIndex(edges, q["50"] as number) }],
            }
          : undefined,
    })),
  };
}

/** The bin index holding `x` (category axes take an index). */
export function medianIndex(edges: Bin[], x: number): number {
  const k = edges.findIndex((b) => x >= b.lo && x < b.hi);
  return k >= 0 ? k : edges.length - 1;
}
