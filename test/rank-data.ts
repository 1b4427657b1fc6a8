/** Test fixtures for the ranking tests: the HELM Lite 2024-08-29 table (no tests in this file). */

import { readFileSync } from "node:fs";
import { matrixFromRows, type ScoreMatrix } from "../src/rank/matrix.js";

/** The repo root: tests run from dist/test/, two levels below it. */
export const repoRoot = new URL("../../", import.meta.url);

export interface HelmLite {
  matrix: ScoreMatrix;
  /** HELM's published mean win rate (the file's second column). */
  published: number[];
}

/** HELM Lite (BenchBench snapshot 240829): 72 models x 10 scenarios, `-` = missing. */
export function loadHelmLite(): HelmLite {
  const url = new URL("test/data/benchbench/benchmarks_old/helm_lite_240829.csv", repoRoot);
  const text = readFileSync(url, "utf8");
  if (text.includes('"')) throw new Error("helm_lite: quoted fields; use csv-parse instead of split");
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0].split(",");
  const rows = lines.slice(1).map((l) => l.split(","));
  for (const r of rows) if (r.length !== header.length) throw new Error(`helm_lite: ragged row ${r[0]}`);
  const cell = (s: string) => (s.trim() === "-" ? Number.NaN : Number(s));
  const matrix = matrixFromRows(
    rows.map((r) => r[0]),
    header.slice(2),
    rows.map((r) => r.slice(2).map(cell)),
  );
  return { matrix, published: rows.map((r) => cell(r[1])) };
}

/**
 * The hand-worked 4 x 3 example of several method tests: b is missing on z.
 * x: a = b > c > d; y: d > b = c > a; z: c > a > d.
 */
export function smallMatrix(): ScoreMatrix {
  return matrixFromRows(
    ["a", "b", "c", "d"],
    ["x", "y", "z"],
    [
      [3, 1, 2],
      [3, 2, null],
      [1, 2, 5],
      [0, 3, 1],
    ],
  );
}
