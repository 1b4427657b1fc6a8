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

export function mountCharts(root: ParentNode, payload: readonly ChartPayload[]): MountedCharts {
  const charts: echarts.ECharts[] = [];
  for (const p of payload) {
    const el = root.querySelector<HTMLElement>(`[data-chart="${p.id}"]`);
    if (!el) continue;
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
  }
  const resize = () => {
    for (const c of charts) c.resize();
  };
  window.addEventListener("resize", resize);
  return {
    dispose() {
      window.removeEventListener("resize", resize);
      for (const c of charts) c.dispose();
    },
  };
}
