// Forecast chart: one issue's scale with its anchor labels, every actor as a dot (area by
// capability x salience) and every model's forecast as a vertical marker line.
import type { EChartsOption } from "echarts";
import type { RunDoc, ScenarioDoc } from "../api";
import { actorsOnIssue, fmt, short } from "./docs";
import { GREY, colour, symbol } from "./palette";

/** Dot size in pixels for a weight, relative to the largest (area proportional to weight). */
export function dotSize(weight: number, maxWeight: number): number {
  if (maxWeight <= 0 || weight <= 0) return 6;
  return 6 + 26 * Math.sqrt(weight / maxWeight);
}

/** The forecasts of one issue, one per model: what the view puts in `data-forecast`. */
export function issueForecasts(run: RunDoc, issueId: string) {
  return run.models.map((m) => {
    const f = m.forecasts.find((x) => x.issue === issueId);
    return { model: m.model, spec: m.spec, ok: f?.ok ?? false, value: f?.value ?? null, label: f?.label ?? null };
  });
}

export function forecastOption(run: RunDoc, issueId: string, scenario: ScenarioDoc): EChartsOption {
  const issue = run.issues.find((i) => i.id === issueId);
  if (!issue) throw new Error(`the run has no issue ${issueId}`);
  const actors = actorsOnIssue(scenario, issueId);
  const maxW = Math.max(0, ...actors.map((a) => a.capability * a.salience));
  const names = actors.map((a) => a.id);
  const actorSeries = {
    name: "actors",
    type: "scatter" as const,
    itemStyle: { color: GREY, opacity: 0.75 },
    data: actors.map((a) => ({
      name: a.name,
      value: [a.position, a.id],
      symbolSize: dotSize(a.capability * a.salience, maxW),
      tooltipText: `${a.name}: position ${fmt(a.position)}, salience ${fmt(a.salience)}, capability ${fmt(a.capability)}`,
    })),
    label: { show: true, position: "right" as const, formatter: (p: { name: string }) => short(p.name, 16), fontSize: 10, color: "#333" },
    tooltip: { formatter: (p: { data: { tooltipText: string } }) => p.data.tooltipText },
    z: 3,
  };
  // One row per model above the actors: its marker and value, and a line down through the actors.
  const rows = [...names, ...run.models.map((m) => `▸ ${m.model}`)];
  const modelSeries = run.models.map((m, k) => {
    const f = m.forecasts.find((x) => x.issue === issueId);
    const ok = !!f && f.ok && f.value !== null;
    return {
      name: m.model,
      type: "scatter" as const,
      symbol: symbol(k + 1),
      symbolSize: 14,
      itemStyle: { color: colour(k) },
      label: { show: true, position: "right" as const, formatter: `${fmt(f?.value)}`, color: colour(k), fontWeight: "bold" as const },
      data: ok ? [{ name: m.spec, value: [f!.value as number, `▸ ${m.model}`] }] : [],
      markLine: ok
        ? {
            symbol: "none",
            silent: true,
            lineStyle: { color: colour(k), width: 2, type: "solid" as const },
            label: { show: false },
            data: [{ xAxis: f!.value as number }],
          }
        : undefined,
      tooltip: { formatter: () => `${m.spec}: ${ok ? fmt(f!.value) + (f!.label ? " — " + f!.label : "") : f?.why ?? "no forecast"}` },
      z: 4,
    };
  });
  const anchorSeries = {
    name: "anchors",
    type: "line" as const,
    data: [],
    markLine: {
      symbol: "none",
      silent: false,
      lineStyle: { color: "#bbbbbb", type: "dashed" as const, width: 1 },
      label: { position: "start" as const, fontSize: 9, color: "#555", formatter: (p: { name: string }) => short(p.name, 18) },
      // alternate rows so that neighbouring labels do not overlap
      data: issue.anchors.map((a, k) => ({ name: a.label, xAxis: a.at, label: { distance: k % 2 ? 16 : 4 } })),
    },
  };
  if (issue.no_deal !== null && issue.no_deal !== undefined)
    anchorSeries.markLine.data.push({ name: `no deal ${fmt(issue.no_deal)}`, xAxis: issue.no_deal, label: { distance: 28 } });
  return {
    title: { text: issue.name || issue.id, left: 0, textStyle: { fontSize: 14 } },
    aria: { enabled: true },
    animation: false,
    tooltip: { trigger: "item", confine: true },
    legend: { type: "scroll", bottom: 0, data: run.models.map((m) => m.model) },
    grid: { left: 90, right: 50, top: 50, bottom: 72 },
    // numbers on top, the anchors' labels along the bottom
    xAxis: { type: "value", position: "top", min: issue.min, max: issue.max },
    yAxis: { type: "category", data: rows, axisTick: { show: false } },
    series: [anchorSeries, actorSeries, ...modelSeries] as EChartsOption["series"],
  };
}
