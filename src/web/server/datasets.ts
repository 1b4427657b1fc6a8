/**
 * The datasets the dashboard can open without an upload: the bundled OpenCompass leaderboard and the
 * table named on the command line. Their paths are fixed at start-up; requests pick one by id.
 */
import { basename } from "node:path";
import { packagePath } from "../../package-files.js";
import type { RankOptions } from "../../run/rank.js";
import type { FileRef } from "./prepare.js";

export interface Dataset {
  id: string;
  label: string;
  scores: FileRef;
  plan?: FileRef;
  options: RankOptions;
}

/** The package's data/ folder. */
const DATA_DIR = packagePath("data", "/");
export const BUNDLED_SCORES = "opencompass_2024-08-29.csv";
export const BUNDLED_PLAN = "opencompass.rounds.json";

export function bundledDataset(): Dataset {
  return {
    id: "bundled",
    label: "OpenCompass 2024-08-29 (bundled)",
    scores: { path: DATA_DIR + BUNDLED_SCORES, shownAs: BUNDLED_SCORES },
    plan: { path: DATA_DIR + BUNDLED_PLAN, shownAs: BUNDLED_PLAN },
    options: {},
  };
}

/** The table (and plan) given to `swissround serve`, with its table options; names as typed, like `rank`. */
export function fileDataset(scoresPath: string, planPath: string | undefined, options: RankOptions): Dataset {
  return {
    id: "file",
    label: basename(scoresPath),
    scores: { path: scoresPath },
    ...(planPath ? { plan: { path: planPath } } : {}),
    options,
  };
}
