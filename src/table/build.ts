/** Records + layout -> ScoreTable (kept for callers of the first version; adapters do the work). */

import { wideRaw } from "./adapters/leaderboard.js";
import { longRaw } from "./adapters/long.js";
import { tableFromRaw } from "./from-raw.js";
import type { LayoutChoice } from "./layout.js";
import type { Records } from "./records.js";
import type { ScoreTable } from "./types.js";

/** Builds the table, duplicates being errors; cells may still be missing (NaN). */
export function buildScoreTable(rec: Records, choice: LayoutChoice): ScoreTable {
  const raw =
    choice.layout === "long"
      ? longRaw(
          rec,
          { model: choice.keyColumn, benchmark: choice.benchmarkColumn as number, score: choice.scoreColumn as number },
          choice.reason,
        )
      : wideRaw(rec, choice, "leaderboard");
  return tableFromRaw(raw).table;
}
