/** `swissround/render`: text, JSON, CSV and Markdown renderers, charts (SVG and PNG) and the HTML report. */

export { buildChart, buildCharts, CHART_IDS, type ChartId, type ChartSpec } from "../output/charts/index.js";
export { renderSvg, svgToPng } from "../output/charts/render.js";
export { renderCompare } from "../output/render-compare.js";
export { OUTPUT_FORMATS, type OutputFormat, renderRank } from "../output/render-rank.js";
export { buildReportData, type ReportData } from "../output/report/data.js";
export { renderReport } from "../output/report/document.js";
export { compareRun, reportData } from "../output/report/gather.js";
export { readReportRuntime } from "../output/report/runtime-file.js";
