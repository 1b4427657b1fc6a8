/**
 * What a chart builder returns: plain, JSON-serialisable ECharts options (no functions), so the same
 * option renders to SVG on the server, inline in the one-file report and live in the dashboard.
 */
import type { EChartsOption } from "echarts";

export type ChartOption = EChartsOption;

/** The charts every run can draw, and the optional ones filled when their data exist. */
export const CHART_IDS = ["intervals", "sensitivity", "robustness", "ranks", "wins", "compare", "cost"] as const;
export type ChartId = (typeof CHART_IDS)[number];

/** One view of a chart (a T setting, a round): the page offers a selector when there are several. */
export interface ChartVariant {
  label: string;
  option: ChartOption;
  /** Pixel height that fits the content (rows of models); the width follows the page. */
  height: number;
  /** Smallest width the content needs (square matrices); otherwise the width follows the page. */
  width?: number;
}

export interface ChartSpec {
  id: ChartId;
  title: string;
  /** What the chart shows and how it was computed, in sentences (shown under the chart). */
  caption: string;
  variants: ChartVariant[];
  /** Index of the variant shown first. */
  initial: number;
  /** Which models are left out and how to choose others (also on the figure); undefined when none are. */
  leftOut?: string;
}

/** Width used when a chart is rendered outside a page (SVG/PNG files). */
export const FILE_WIDTH = 1000;
