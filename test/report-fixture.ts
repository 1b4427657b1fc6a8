/** Shared by the chart, report, plot and web tests: a small real run and its report data. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compareRankings } from "../src/analysis/compare.js";
import { buildReportData, comparisonSections, distributionsOf, type ReportData } from "../src/output/report/data.js";
import { computeTallies, prepareRank, type RankOptions } from "../src/run/rank.js";
import { assembleResult } from "../src/run/result.js";
import { playFlatTwins } from "../src/run/twins.js";
import { CLI, ROOT } from "./helpers.js";

export { CLI };
export const OC = join(ROOT, "data", "opencompass_2024-08-29.csv");
export const OC_PLAN = join(ROOT, "data", "opencompass.rounds.json");
export const FIXTURES = join(ROOT, "test", "fixtures");

export function tmp(prefix = "swissround-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs the real pipeline on one thread and gathers the report data. */
export async function reportDataFor(scores: string, options: RankOptions, compare = false): Promise<ReportData> {
  const prepared = prepareRank(scores, options);
  const tallies = await computeTallies(prepared, { threads: 1 });
  const result = assembleResult(prepared.config, tallies, prepared.notes, playFlatTwins(prepared.config, prepared.roundScores));
  const comparison = compare
    ? comparisonSections(
        compareRankings({ table: prepared.table, plan: prepared.plan, roundScores: prepared.roundScores, rank: result }, { seed: 1 }),
        result,
      )
    : {};
  return buildReportData({ result, distributions: distributionsOf(result, tallies), roundScores: prepared.roundScores, ...comparison });
}

/** The bundled OpenCompass data at a small N. */
export function bundledData(runs = 2000, T = "0,1,2", compare = false): Promise<ReportData> {
  return reportDataFor(OC, { rounds: OC_PLAN, runs, seed: 7, T }, compare);
}

/** A synthetic field of `models` models and `rounds` benchmarks, written as CSV (distinct, deterministic scores). */
export function syntheticTable(models: number, rounds: number, name = (m: number) => `model-${String(m).padStart(4, "0")}`): string {
  const dir = tmp();
  const header = ["model", ...Array.from({ length: rounds }, (_, k) => `b${k + 1}`)].join(",");
  const rows = Array.from({ length: models }, (_, m) =>
    [name(m), ...Array.from({ length: rounds }, (_, k) => (((m * 37 + k * 101) % 997) / 10).toFixed(1))].join(","),
  );
  const file = join(dir, "synthetic.csv");
  writeFileSync(file, `${header}\n${rows.join("\n")}\n`);
  return file;
}
