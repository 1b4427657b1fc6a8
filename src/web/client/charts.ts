/**
 * Mounts chart payloads into their placeholders with ECharts (SVG renderer), and switches views
 * from the selectors. Shared by the report runtime and the dashboard, so both draw identically.
 */
import { BarChart, HeatmapChart, LineChart, ScatterChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { LabelLayout } from "echarts/features";
import { SVGRenderer } from "echarts/renderers";
import type { ChartPayload } from "../../output/report/figures.js";

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  LabelLayout,
  SVGRenderer,
]);

export interface MountedCharts {
  dispose(): void;
}

/** The next task: lets the page handle input and paint between two charts. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Draws each chart in a task of its own (one chart is tens of ms; all of them at once locked the page
 * for up to a second after each re-run). `onReady` runs once all are drawn.
 */
export function mountCharts(root: ParentNode, payload: readonly ChartPayload[], onReady: () => void = () => {}): MountedCharts {
  const charts: echarts.ECharts[] = [];
  let disposed = false;
  const mountOne = (p: ChartPayload) => {
    const el = root.querySelector<HTMLElement>(`[data-chart="${p.id}"]`);
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: "svg" });
    charts.push(chart);
    const show = (i: number) => {
      const v = p.variants[i];
      el.style.height = `${v.height}px`;
      el.style.minWidth = v.width ? `${v.width}px` : "";
      chart.resize();
      chart.setOption(v.option as echarts.EChartsCoreOption, true);
      el.dataset.view = String(i);
      el.dataset.rendered = "true";
    };
    show(p.initial);
    root
      .querySelector<HTMLSelectElement>(`[data-chart-select="${p.id}"]`)
      ?.addEventListener("change", (e) => show(Number((e.target as HTMLSelectElement).value)));
  };
  void (async () => {
    for (const p of payload) {
      await nextTask();
      if (disposed) return;
      mountOne(p);
      // A mark per chart: tests check that no single task drew more than one (timings vary with load).
      performance.mark("swissround:chart");
    }
    onReady();
  })();
  const resize = () => {
    for (const c of charts) c.resize();
  };
  window.addEventListener("resize", resize);
  return {
    dispose() {
      disposed = true;
      window.removeEventListener("resize", resize);
      for (const c of charts) c.dispose();
    },
  };
}
