// Draws an option into a container with ECharts (the only chart module that touches the DOM).
// Only the chart kinds and components entente draws are bundled (halves the report script).
import * as echarts from "echarts/core";
import type { EChartsOption } from "echarts";
import { BarChart, LineChart, ParallelChart, ScatterChart } from "echarts/charts";
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  ParallelComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from "echarts/components";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";

echarts.use([
  BarChart, LineChart, ParallelChart, ScatterChart,
  AriaComponent, GridComponent, LegendComponent, MarkLineComponent, ParallelComponent,
  TitleComponent, TooltipComponent, VisualMapComponent,
  CanvasRenderer, SVGRenderer,
]);

let defaultRenderer: "svg" | "canvas" = "canvas";
/** The renderer of charts drawn without one (tests without a canvas use "svg"). */
export function setDefaultRenderer(r: "svg" | "canvas"): void {
  defaultRenderer = r;
}

const observers = new WeakMap<HTMLElement, ResizeObserver>();

export interface ChartHandle {
  chart: echarts.ECharts;
  dispose(): void;
}

/**
 * Renders `option` into `el` (re-using the chart already there). SVG renders sharply in print
 * and in reports; canvas is faster for big series. Resizes with its container.
 */
export function drawChart(
  el: HTMLElement,
  option: EChartsOption,
  opts: { renderer?: "svg" | "canvas"; width?: number; height?: number } = {},
): ChartHandle {
  let chart = echarts.getInstanceByDom(el);
  if (!chart)
    chart = echarts.init(el, undefined, {
      renderer: opts.renderer ?? defaultRenderer,
      width: opts.width,
      height: opts.height,
    });
  chart.setOption(option, { notMerge: true, lazyUpdate: false });
  const c = chart;
  if (typeof ResizeObserver !== "undefined" && !opts.width && !observers.has(el)) {
    const ro = new ResizeObserver(() => echarts.getInstanceByDom(el)?.resize());
    ro.observe(el);
    observers.set(el, ro);
  }
  return {
    chart: c,
    dispose() {
      observers.get(el)?.disconnect();
      observers.delete(el);
      c.dispose();
    },
  };
}

/** Disposes every chart inside `root` (on unmount). */
export function disposeCharts(root: HTMLElement): void {
  for (const el of Array.from(root.querySelectorAll<HTMLElement>("[_echarts_instance_]"))) {
    observers.get(el)?.disconnect();
    observers.delete(el);
    echarts.getInstanceByDom(el)?.dispose();
  }
}

// Charts below the fold are drawn when they come near the viewport: a forecast of eight issues
// then shows its first charts in a frame instead of waiting for all eight to initialise.
const pending = new WeakMap<HTMLElement, () => EChartsOption>();
const visible = new WeakSet<HTMLElement>();
let watcher: IntersectionObserver | null = null;

/** safeDraw now if `el` is on or near the screen (or there is no IntersectionObserver), else once it scrolls near. */
export function drawWhenVisible(el: HTMLElement, build: () => EChartsOption): void {
  if (typeof IntersectionObserver === "undefined") {
    safeDraw(el, build);
    return;
  }
  if (!watcher) {
    watcher = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const t = e.target as HTMLElement;
          if (!e.isIntersecting) {
            visible.delete(t);
            continue;
          }
          visible.add(t);
          const b = pending.get(t);
          if (b) {
            pending.delete(t);
            safeDraw(t, b);
          }
        }
      },
      { rootMargin: "300px" },
    );
  }
  if (visible.has(el)) {
    pending.delete(el);
    safeDraw(el, build);
    return;
  }
  pending.set(el, build);
  watcher.observe(el); // observing an element twice is a no-op
}

/** Stops watching `el` for drawWhenVisible (when it leaves the page). */
export function stopWatching(el: HTMLElement): void {
  watcher?.unobserve(el);
  pending.delete(el);
  visible.delete(el);
}

/** A chart container of the given height that shows an error message instead of throwing. */
export function safeDraw(
  el: HTMLElement,
  build: () => EChartsOption,
  opts?: Parameters<typeof drawChart>[2],
): ChartHandle | null {
  try {
    return drawChart(el, build(), opts);
  } catch (e) {
    el.textContent = `cannot draw this chart: ${e instanceof Error ? e.message : String(e)}`;
    return null;
  }
}
