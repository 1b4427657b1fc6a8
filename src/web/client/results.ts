/** Shows a finished run with the report's own sections and charts, and offers it for download. */
import { renderRank } from "../../output/render-rank.js";
import { buildReportData, comparisonSections, type ReportData } from "../../output/report/data.js";
import { renderReport, reportBody } from "../../output/report/document.js";
import type { PreparedRun } from "../shared/protocol.js";
import { decodeRoundScores } from "../shared/wire.js";
import { getReportRuntime } from "./api.js";
import { type MountedCharts, mountCharts } from "./charts.js";
import { download } from "./dom.js";
import type { Simulated } from "./simulation.js";

let mounted: MountedCharts | undefined;

export function showResults(container: HTMLElement, run: PreparedRun, sim: Simulated): ReportData {
  const data = buildReportData({
    result: sim.result,
    distributions: sim.distributions,
    roundScores: decodeRoundScores(run.roundScores),
    ...(run.cost ? { cost: run.cost } : {}),
    ...(sim.comparison ? comparisonSections(sim.comparison, sim.result) : {}),
    ...(run.comparisonOmitted ? { omitted: { compare: run.comparisonOmitted } } : {}),
  });
  const body = reportBody(data);
  mounted?.dispose();
  container.innerHTML = body.html;
  mounted = mountCharts(container, body.charts);
  return data;
}

export async function downloadReport(data: ReportData): Promise<void> {
  const runtime = await getReportRuntime();
  download("swissround-report.html", renderReport({ ...data, generatedAt: new Date().toISOString() }, runtime), "text/html");
}

export function downloadJson(data: ReportData): void {
  download("swissround.json", renderRank(data.result, "json"), "application/json");
}

export function downloadCsv(data: ReportData): void {
  download("swissround.csv", renderRank(data.result, "csv"), "text/csv");
}
