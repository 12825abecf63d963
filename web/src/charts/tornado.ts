// Tornado chart from a sensitivity document: for one issue, the inputs that move the forecast
// most (largest swing on top), each a bar from the forecast with the input low to the
// forecast with it high, drawn around the base forecast.
import type { EChartsOption } from "echarts";
import type { SensitivityDocument, SensitivityInput } from "./docs";
import { fmt } from "./docs";
import { colour } from "./palette";

/** The `top` inputs of an issue by swing, largest first (inputs without a swing dropped). */
export function topInputs(doc: SensitivityDocument, issueId: string, top = 10): SensitivityInput[] {
  const issue = doc.issues.find((i) => i.issue === issueId);
  if (!issue) throw new Error(`the sensitivity document has no issue ${issueId}`);
  return issue.inputs
    .filter((i) => i.swing !== null && i.forecast_low !== null && i.forecast_high !== null)
    .sort((a, b) => (b.swing as number) - (a.swing as number) || a.rank - b.rank)
    .slice(0, top);
}

export function tornadoOption(doc: SensitivityDocument, issueId: string, top = 10): EChartsOption {
  const issue = doc.issues.find((i) => i.issue === issueId)!;
  const rows = topInputs(doc, issueId, top);
  const base = issue?.base ?? 0;
  const reach = niceCeil(Math.max(1e-9, ...rows.flatMap((r) => [Math.abs((r.forecast_low as number) - base), Math.abs((r.forecast_high as number) - base)])));
  return {
    title: { text: `${issueId}: what moves the forecast`, subtext: `${doc.spec}; base ${fmt(base)}`, left: 0, textStyle: { fontSize: 14 } },
    aria: { enabled: true },
    animation: false,
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      confine: true,
      formatter: (ps: unknown) => {
        const k = (ps as Array<{ dataIndex: number }>)[0].dataIndex;
        const r = rows[k];
        return `${r.input}<br/>input ${fmt(r.low)} → forecast ${fmt(r.forecast_low)}<br/>input ${fmt(r.high)} → forecast ${fmt(r.forecast_high)}<br/>swing ${fmt(r.swing)}`;
      },
    },
    legend: { bottom: 0, data: ["input low", "input high"] },
    grid: { left: 200, right: 30, top: 60, bottom: 50 },
    // symmetric around the base forecast, so the base sits in the middle
    xAxis: { type: "value", name: "forecast", min: -reach, max: reach, axisLabel: { formatter: (v: number) => fmt(v + base) } },
    yAxis: { type: "category", inverse: true, data: rows.map((r) => r.input), axisLabel: { width: 190, overflow: "truncate" } },
    series: [
      {
        name: "input low",
        type: "bar",
        barGap: "-100%", // low and high bars overlap, both drawn from the base
        itemStyle: { color: colour(0), opacity: 0.85 },
        data: rows.map((r) => (r.forecast_low as number) - base),
      },
      {
        name: "input high",
        type: "bar",
        barGap: "-100%",
        itemStyle: { color: colour(1), opacity: 0.85 },
        data: rows.map((r) => (r.forecast_high as number) - base),
        markLine: {
          symbol: "none",
          silent: true,
          lineStyle: { color: "#000" },
          label: { formatter: `base ${fmt(base)}` },
          data: [{ xAxis: 0 }],
        },
      },
    ],
  };
}

/** The smallest of 1, 2, 2.5, 5 x 10^k at least `x` (a round axis end). */
export function niceCeil(x: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(x)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x - 1e-12) return m * p;
  return 10 * p;
}
