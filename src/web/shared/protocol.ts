/** The messages between the dashboard page, its server and its Web Worker. Types only. */
import type { ComparisonResult } from "../../analysis/compare.js";
import type { CostChartData, RankDistribution } from "../../output/charts/input.js";
import type { BootstrapResult } from "../../run/bootstrap.js";
import type { RankConfig } from "../../run/config.js";
import type { NoiseReport } from "../../run/noise.js";
import type { RankResult } from "../../run/result.js";
import type { SensitivityResult } from "../../run/sensitivity.js";
import type { DuplicatePolicy } from "../../table/duplicates.js";
import type { MissingPolicy } from "../../table/missing.js";
import type { WireRoundScores, WireTable } from "./wire.js";

export interface DashboardSettings {
  /** As for --T: "0,1,2" or "0:1:1:2". */
  T: string;
  runs: string;
  seed: string;
  elimination: "paper" | "script";
  /** As --missing and --duplicates (default: error, as rank). */
  missing?: MissingPolicy;
  duplicates?: DuplicatePolicy;
}

/**
 * The "request" field of POST /api/prepare (multipart form data). With source "upload" the form
 * also holds the table as the file field "scores"; a field "plan" (a round plan file, or the rounds
 * as reordered in the page) replaces the dataset's plan or the default of one round per benchmark.
 */
export interface PrepareRequest {
  source: { dataset: string } | "upload";
  settings: DashboardSettings;
}

/** Everything the worker needs to simulate, checked exactly as the CLI checks it. */
export interface PreparedRun {
  config: RankConfig;
  notes: string[];
  roundScores: WireRoundScores;
  /** Each model's cost, when the table has costs (per-item costs, aider's total_cost): the cost chart. */
  cost?: CostChartData;
  /** The table, for the method comparison the worker computes after the simulation (small fields only). */
  table?: WireTable;
  /** Why there is no method comparison (a field too large for the page). */
  comparisonOmitted?: string;
  /**
   * With serve --bootstrap B: the bootstrap, computed on the server with the CLI's pipeline (the
   * same N and seed as the page's run, so the same numbers), and the labels that take it into account.
   */
  bootstrap?: { uncertainty: BootstrapResult; sensitivity?: SensitivityResult };
  /** Why serve --bootstrap could not resample this table (no items, standard errors or counts). */
  bootstrapOmitted?: string;
  /** The noise report, computed by the server (the page may not get the table): the pipeline core puts it in the result, as the CLI's. */
  noise?: NoiseReport;
}

export type PrepareResponse = { ok: true; run: PreparedRun } | { ok: false; error: string };

export interface DatasetInfo {
  id: string;
  label: string;
  /** The table policies the dataset was started with (serve's --missing and --duplicates). */
  missing: MissingPolicy;
  duplicates: DuplicatePolicy;
}

export interface DatasetsResponse {
  datasets: DatasetInfo[];
  /** The dataset to open first. */
  initial: string;
  /** Largest table (or plan) the server accepts, in bytes. */
  maxUploadBytes: number;
}

export interface WorkerRequest {
  id: number;
  run: PreparedRun;
}

export type WorkerMessage =
  | { kind: "progress"; id: number; done: number; total: number }
  /** The simulation is done; the method comparison is being computed. */
  | { kind: "comparing"; id: number }
  | { kind: "done"; id: number; result: RankResult; distributions: RankDistribution[]; comparison?: ComparisonResult }
  | { kind: "error"; id: number; message: string };
