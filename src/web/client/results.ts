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
import { enhanceTables } from "./tables.js";

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
  delete container.dataset.chartsReady;
  container.innerHTML = body.html;
  enhanceTables(container);
  mounted = mountCharts(container, body.charts, () => {
    container.dataset.chartsReady = "true";
  });
  return data;
}

/** "opencompass_2024-08-29-csd-N20000-seed20251224.csv": the table, the run and the kind, so downloads do not overwrite each other. */
export function downloadName(data: ReportData, kind: "report" | "ranking", ext: string): string {
  const c = data.result.config;
  const stem = (c.input.file.split(/[\\/]/).pop() ?? "table").replace(/\.[^.]+$/, "").replace(/[^\p{L}\p{N}._+-]+/gu, "_") || "table";
  return `${stem}-csd${kind === "report" ? "-report" : ""}-N${c.runs}-seed${c.seed}.${ext}`;
}

export async function downloadReport(data: ReportData): Promise<void> {
  const runtime = await getReportRuntime();
  download(downloadName(data, "report", "html"), renderReport({ ...data, generatedAt: new Date().toISOString() }, runtime), "text/html");
}

export function downloadJson(data: ReportData): void {
  download(downloadName(data, "ranking", "json"), renderRank(data.result, "json"), "application/json");
}

export function downloadCsv(data: ReportData): void {
  download(downloadName(data, "ranking", "csv"), renderRank(data.result, "csv"), "text/csv");
}
