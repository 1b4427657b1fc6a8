/**
 * The corruption study (the paper's outlier experiment, generalised): set c of a model's benchmark
 * scores to zero (or to the field's worst), re-rank under every method, and measure how far the
 * model falls. Repeated over random choices of the corrupted benchmarks, for each target model.
 */
import { chunkRng } from "../engine/rng.js";
import { column, set } from "../grid/grid.js";
import type { RoundPlan } from "../plan/plan.js";
import { InputError } from "../table/errors.js";
import { apiOption } from "../table/option-names.js";
import { type ScoreTable, tableGrid } from "../table/types.js";
import { type RerankBatch, type RerankJob, type RerunSettings, rerankHere, studyMethodNames } from "./rerun.js";

export type CorruptTo = "zero" | "worst";

export interface CorruptionOptions {
  /** Benchmarks corrupted per trial. */
  corrupt: number;
  /** Random choices of benchmarks per target model. */
  trials: number;
  /** Target models (default: all). */
  targets?: string[];
  to: CorruptTo;
}

export interface CorruptionTrial {
  model: string;
  benchmarks: string[];
  /** Rank before and after, per method (same order as `methods`). */
  before: number[];
  after: number[];
}

export interface MethodShiftSummary {
  id: string;
  name: string;
  /** Mean of (rank after - rank before) over all trials: positive = the corrupted model falls. */
  meanShift: number;
  meanAbsShift: number;
  maxShift: number;
  /** Mean shift per target model. */
  perModel: number[];
}

export interface CorruptionResult {
  definition: string;
  corrupt: number;
  trials: number;
  to: CorruptTo;
  targets: string[];
  methods: { id: string; name: string }[];
  summary: MethodShiftSummary[];
  trialsDetail: CorruptionTrial[];
  notes: string[];
}

/** Stream of the generator that picks the corrupted benchmarks (apart from the contests' 0). */
const CORRUPTION_STREAM = 21;

function corruptedTable(t: ScoreTable, m: number, benches: number[], to: CorruptTo): ScoreTable {
  const scores = tableGrid(t, Float64Array.from(t.scores));
  for (const b of benches) {
    const present = Array.from(column(tableGrid(t), b)).filter(Number.isFinite);
    const worst = t.benchmarks[b].lowerIsBetter ? Math.max(...present) : Math.min(...present);
    set(scores, m, b, to === "zero" && !t.benchmarks[b].lowerIsBetter ? 0 : worst);
  }
  return { ...t, scores: scores.values };
}

/** k distinct indices out of n, uniformly (partial Fisher-Yates). */
function pick(n: number, k: number, seed: number, trial: number): number[] {
  const rng = chunkRng(seed, trial, CORRUPTION_STREAM);
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + rng.below(n - i);
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx.slice(0, k).sort((a, b) => a - b);
}

/** `batch` runs the re-rankings (default: here, one by one; rerankOnThreads shares them among threads). */
export async function corruptionStudy(
  table: ScoreTable,
  plan: RoundPlan,
  settings: RerunSettings,
  options: CorruptionOptions,
  batch: RerankBatch = rerankHere,
): Promise<CorruptionResult> {
  const B = table.benchmarks.length;
  if (!Number.isInteger(options.corrupt) || options.corrupt < 1 || options.corrupt > B) {
    throw new InputError(`--corrupt: ${options.corrupt} is not valid: expected a whole number from 1 to ${B} (the benchmarks in use)`, {
      code: "invalid-option",
      option: apiOption("--corrupt"),
    });
  }
  const targets = options.targets ?? table.models;
  const unknown = targets.filter((t) => !table.models.includes(t));
  // stress --models is the study's `targets` (OPTION_NAMES leaves --models out: plot's is another option).
  if (unknown.length > 0)
    throw new InputError(`--models: not in the table: ${unknown.map((u) => `"${u}"`).join(", ")}`, {
      code: "invalid-option",
      option: "targets",
    });
  const methods = studyMethodNames(settings);
  const trials = targets.flatMap((name) => {
    const m = table.models.indexOf(name);
    return Array.from({ length: options.trials }, (_, r) => ({
      name,
      m,
      benches: pick(B, options.corrupt, settings.seed, m * options.trials + r),
    }));
  });
  const jobs: RerankJob[] = [{ table, plan }, ...trials.map((t) => ({ table: corruptedTable(table, t.m, t.benches, options.to), plan }))];
  const [base, ...afters] = await batch(jobs, settings);
  const detail: CorruptionTrial[] = trials.map((t, i) => ({
    model: t.name,
    benchmarks: t.benches.map((b) => table.benchmarks[b].name),
    before: base.map((x) => x.ranks[t.m]),
    after: afters[i].map((x) => x.ranks[t.m]),
  }));
  const summary = methods.map((method, i): MethodShiftSummary => {
    const shifts = detail.map((d) => d.after[i] - d.before[i]);
    return {
      ...method,
      meanShift: shifts.reduce((a, b) => a + b, 0) / shifts.length,
      meanAbsShift: shifts.reduce((a, b) => a + Math.abs(b), 0) / shifts.length,
      maxShift: Math.max(...shifts),
      perModel: targets.map((t) => {
        const own = detail.filter((d) => d.model === t).map((d) => d.after[i] - d.before[i]);
        return own.reduce((a, b) => a + b, 0) / own.length;
      }),
    };
  });
  const notes: string[] = [];
  if (options.to === "zero" && table.benchmarks.some((b) => b.lowerIsBetter)) {
    notes.push("lower-is-better benchmarks are corrupted to the field's worst value (0 would be the best there)");
  }
  return {
    definition:
      `For each target model and trial, ${options.corrupt} of its benchmark scores (chosen at random) are set to ` +
      `${options.to === "zero" ? "zero" : "the field's worst value"}; every method re-ranks the table; shift = rank after - rank before (positive = falls). ` +
      `Methods rank by point score here; CSD is replayed with the same seed (N = ${settings.runs}).`,
    corrupt: options.corrupt,
    trials: options.trials,
    to: options.to,
    targets,
    methods,
    summary,
    trialsDetail: detail,
    notes,
  };
}
