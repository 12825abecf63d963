// Trace charts: positions per round as one line per actor plus the median, and for SMP with
// two or more dimensions the path of every actor on the plane of two issues.
import type { EChartsOption } from "echarts";
import type { Trace, TraceDoc } from "../api";
import { GREY, PALETTE, colour, symbol } from "./palette";

/** Solid for the first 8 series, then dashed, then dotted (colours repeat after 8). */
function cycleDash(k: number): "solid" | "dashed" | "dotted" {
  return (["solid", "dashed", "dotted"] as const)[Math.floor(k / PALETTE.length) % 3];
}

/** The trace whose dimensions include `issueId` (EUM: one per issue; SMP: one for all). */
export function traceFor(doc: TraceDoc, issueId: string): Trace | undefined {
  return doc.traces.find((t) => t.dims.includes(issueId));
}

/** Median of numbers (mean of the two middle ones for an even count). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (!n) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** The median per round: the trace's own `median` statistic, else the plain median of positions. */
export function medianSeries(t: Trace, dim: number): number[] {
  return t.rounds.map((r) => r.stats.median ?? median(r.positions.map((p) => p[dim])));
}

export function traceOption(doc: TraceDoc, issueId: string, highlightRound?: number): EChartsOption {
  const t = traceFor(doc, issueId);
  if (!t) throw new Error(`the trace has no issue ${issueId}`);
  const d = t.dims.indexOf(issueId);
  const rounds = t.rounds.map((r) => String(r.round));
  const actorSeries = t.actors.map((a, k) => ({
    name: a,
    type: "line" as const,
    data: t.rounds.map((r) => r.positions[k][d]),
    itemStyle: { color: colour(k) },
    // past the palette's 8 colours, lines differ by dash and marker shape
    lineStyle: { width: 1.5, type: cycleDash(k) },
    symbol: symbol(Math.floor(k / PALETTE.length)),
    symbolSize: 5,
    endLabel: { show: true, formatter: a, fontSize: 10 },
  }));
  const medianLine = {
    name: "median",
    type: "line" as const,
    data: medianSeries(t, d),
    itemStyle: { color: GREY },
    lineStyle: { width: 3, type: "dashed" as const },
    symbol: "none",
    markLine:
      highlightRound !== undefined
        ? {
            symbol: "none",
            silent: true,
            lineStyle: { color: "#D55E00", width: 2 },
            label: { formatter: `round ${highlightRound}` },
            data: [{ xAxis: String(highlightRound) }],
          }
        : undefined,
  };
  return {
    title: { text: `${doc.model}: ${issueId}`, subtext: t.stopped_by, left: 0, textStyle: { fontSize: 14 } },
    aria: { enabled: true },
    animation: false,
    tooltip: { trigger: "axis", confine: true },
    legend: { type: "scroll", bottom: 0 },
    grid: { left: 50, right: 80, top: 60, bottom: 60 },
    xAxis: { type: "category", data: rounds, name: "round", boundaryGap: false },
    yAxis: { type: "value", name: "position", scale: true },
    series: [...actorSeries, medianLine],
  };
}

/** SMP on the plane of issues `xId` and `yId`: every actor's path from its start (circle) to its end (arrow). */
export function smpPlaneOption(doc: TraceDoc, xId: string, yId: string): EChartsOption {
  const t = doc.traces.find((x) => x.dims.includes(xId) && x.dims.includes(yId));
  if (!t) throw new Error(`no trace spans ${xId} and ${yId}`);
  const dx = t.dims.indexOf(xId);
  const dy = t.dims.indexOf(yId);
  const series = t.actors.map((a, k) => ({
    name: a,
    type: "line" as const,
    data: t.rounds.map((r) => [r.positions[k][dx], r.positions[k][dy]]),
    itemStyle: { color: colour(k) },
    lineStyle: { type: cycleDash(k) },
    symbol: symbol(Math.floor(k / PALETTE.length)),
    symbolSize: 5,
    endLabel: { show: true, formatter: a, fontSize: 10 },
  }));
  return {
    title: { text: `${doc.model}: ${xId} x ${yId}`, left: 0, textStyle: { fontSize: 14 } },
    aria: { enabled: true },
    animation: false,
    tooltip: { trigger: "item", confine: true },
    legend: { type: "scroll", bottom: 0 },
    grid: { left: 50, right: 60, top: 50, bottom: 60 },
    xAxis: { type: "value", name: xId, scale: true },
    yAxis: { type: "value", name: yId, scale: true },
    series,
  };
}
