/** Real fields of 35, 48 and 340 models (Open LLM Leaderboard v2, test/data) for the figure tests. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ReportData } from "../src/output/report/data.js";
import { testData } from "./helpers.js";
import { reportDataFor, tmp } from "./report-fixture.js";

export const FIELD_SIZES = [35, 48, 340] as const;
export const OPEN_LLM = testData("leaderboards", "open_llm_leaderboard_v2_2024-08-29.csv");
/** The file repeats 8 names (first kept) and has a raw 0-1 copy of BBH. */
export const OPEN_LLM_OPTIONS = { duplicates: "first" as const, exclude: ["HFV2_BBH Raw"] };

/** The first n models of the file (all of it for 340: 348 rows, 8 repeated names). */
export function openLlmField(n: number): string {
  if (n >= 340) return OPEN_LLM;
  const lines = readFileSync(OPEN_LLM, "utf8").split("\n");
  const file = join(tmp(), `open-llm-${n}.csv`);
  writeFileSync(file, `${lines.slice(0, n + 1).join("\n")}\n`);
  return file;
}

export function fieldData(n: number, compare = true): Promise<ReportData> {
  return reportDataFor(openLlmField(n), { runs: 400, seed: 5, T: "0,1,2", ...OPEN_LLM_OPTIONS }, compare);
}
