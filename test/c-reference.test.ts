/** Cross-check against the independent C implementation in shared/bench (skipped without gcc). */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { defaultRoundPlan } from "../src/plan/plan.js";
import { buildRoundScores } from "../src/plan/round-scores.js";
import { readScoreTable } from "../src/table/read.js";
import { selectBenchmarks } from "../src/table/select.js";
import { means, monteCarlo, ROOT, rules, SHARED, standardErrors } from "./helpers.js";

const source = join(SHARED, "bench", "csd_ref.c");
const hasGcc = spawnSync("gcc", ["--version"]).status === 0;
const skip = !hasGcc || !existsSync(source) ? "needs gcc and shared/bench/csd_ref.c" : false;

describe("agreement with the C reference", { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), "swissround-cref-"));
  const binary = join(dir, "csd_ref");
  const table = selectBenchmarks(readScoreTable(join(ROOT, "data", "opencompass_2024-08-29.csv")), undefined, ["opencompass"]);
  const rs = buildRoundScores(table, defaultRoundPlan(table));
  const input = `${rs.models} ${rs.rounds}\n${Array.from({ length: rs.models }, (_, m) =>
    Array.from({ length: rs.rounds }, (_, k) => rs.values[k * rs.models + m]).join(" "),
  ).join("\n")}\n`;

  for (const mode of ["paper", "script"] as const) {
    for (const T of [0, 1, 2]) {
      it(`OpenCompass (35 x 7), T = ${T}, ${mode}: every E[S] within 4 SE`, () => {
        if (!existsSync(binary)) execFileSync("gcc", ["-O2", "-o", binary, source]);
        const N = 40_000;
        const out = execFileSync(binary, [String(N), String(T), "5", mode], { input })
          .toString()
          .trim()
          .split("\n")
          .map(Number);
        const t = monteCarlo(rs, rules(rs.rounds, T, mode), N, 5);
        const e = means(t);
        const se = standardErrors(t);
        assert.equal(out.length, rs.models);
        e.forEach((x, m) => {
          const tol = 4 * Math.SQRT2 * se[m] + 1e-9; // both estimates carry about the same error
          assert.ok(Math.abs(x - out[m]) <= tol, `${table.models[m]}: ours ${x}, C ${out[m]} (tol ${tol})`);
        });
      });
    }
  }
});
