/**
 * Sharded runs: a shard plays a deterministic slice of the chunks and saves its integer tallies;
 * merging all slices gives exactly the single run's result for the same seed.
 */
import { type ChunkPlan, planChunks, sliceChunks } from "../engine/montecarlo.js";
import { emptyTally, mergeTallyInto } from "../engine/tally.js";
import type { Tally } from "../engine/types.js";
import { InputError, listProblems } from "../table/errors.js";
import { VERSION } from "../version.js";
import type { RankConfig } from "./config.js";

export const PART_FORMAT = "swissround-part";

export interface ShardSpec {
  index: number; // 1-based, as the user writes it
  count: number;
}

export interface PartFile {
  format: typeof PART_FORMAT;
  version: string;
  shard: ShardSpec & { chunks: [number, number] };
  config: RankConfig;
  notes: string[];
  tallies: SerialTally[];
}

type SerialTally = Omit<Tally, "scoreSum" | "scoreSqSum" | "firstCount" | "eliminatedCount" | "roundsSum" | "byeSum" | "rankHistogram"> & {
  scoreSum: number[];
  scoreSqSum: number[];
  firstCount: number[];
  eliminatedCount: number[];
  roundsSum: number[];
  byeSum: number[];
  rankHistogram: number[];
};

export function parseShard(text: string, option = "--shard"): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!m || count < 1 || index < 1 || index > count || !Number.isSafeInteger(count)) {
    throw new InputError(`${option}: "${text}" is not valid: expected i/n with 1 <= i <= n, for example 1/4`);
  }
  return { index, count };
}

export function shardChunks(plan: ChunkPlan, shard: ShardSpec): [number, number] {
  return sliceChunks(plan, shard.index - 1, shard.count);
}

export function makePart(config: RankConfig, notes: string[], shard: ShardSpec, tallies: Tally[]): PartFile {
  const chunks = shardChunks(planChunks(config.runs, config.seed), shard);
  return {
    format: PART_FORMAT,
    version: VERSION,
    shard: { ...shard, chunks },
    config,
    notes,
    tallies: tallies.map((t) => ({
      ...t,
      scoreSum: Array.from(t.scoreSum),
      scoreSqSum: Array.from(t.scoreSqSum),
      firstCount: Array.from(t.firstCount),
      eliminatedCount: Array.from(t.eliminatedCount),
      roundsSum: Array.from(t.roundsSum),
      byeSum: Array.from(t.byeSum),
      rankHistogram: Array.from(t.rankHistogram),
    })),
  };
}

function reviveTally(s: SerialTally): Tally {
  return {
    ...s,
    scoreSum: Float64Array.from(s.scoreSum),
    scoreSqSum: Float64Array.from(s.scoreSqSum),
    firstCount: Float64Array.from(s.firstCount),
    eliminatedCount: Float64Array.from(s.eliminatedCount),
    roundsSum: Float64Array.from(s.roundsSum),
    byeSum: Float64Array.from(s.byeSum),
    rankHistogram: Uint32Array.from(s.rankHistogram),
  };
}

/** Parses a part file's text, checking that it is one. */
export function parsePart(text: string, file: string): PartFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}: malformed JSON: ${(e as Error).message}`);
  }
  const p = data as Partial<PartFile>;
  if (typeof data !== "object" || data === null || p.format !== PART_FORMAT || !p.shard || !p.config || !Array.isArray(p.tallies)) {
    throw new InputError(`${file}: not a swissround shard file (made by "swissround rank ... --shard i/n --out FILE")`);
  }
  if (p.tallies.length !== p.config.settings.length) {
    throw new InputError(`${file}: damaged shard file: ${p.tallies.length} tallies for ${p.config.settings.length} settings`);
  }
  return p as PartFile;
}

/** Checks that the parts are the n slices of one run and adds their tallies. */
export function mergeParts(parts: readonly { file: string; part: PartFile }[]): { config: RankConfig; notes: string[]; tallies: Tally[] } {
  if (parts.length === 0) throw new InputError("merge: no shard files given");
  const [first] = parts;
  const configText = JSON.stringify(first.part.config);
  const problems: string[] = [];
  for (const { file, part } of parts) {
    if (JSON.stringify(part.config) !== configText) {
      problems.push(`${file}: its configuration (input, plan, T, runs, seed or mode) differs from ${first.file}'s`);
    }
    if (part.shard.count !== first.part.shard.count) {
      problems.push(`${file}: shard ${part.shard.index}/${part.shard.count}, but ${first.file} is one of ${first.part.shard.count}`);
    }
  }
  const count = first.part.shard.count;
  const seen = new Map<number, string>();
  for (const { file, part } of parts) {
    const other = seen.get(part.shard.index);
    if (other) problems.push(`${file}: shard ${part.shard.index}/${count} is also in ${other}`);
    seen.set(part.shard.index, file);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) problems.push(`missing shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${count}`).join(", ")}`);
  if (problems.length > 0) throw new InputError(listProblems("merge: the shard files are not the slices of one run:", problems));
  const config = first.part.config;
  const tallies = config.settings.map((_, s) => {
    const total = emptyTally({ models: config.input.models.length, rankBinWidth: config.rankBinWidth });
    for (const { part } of parts) mergeTallyInto(total, reviveTally(part.tallies[s]));
    return total;
  });
  return { config, notes: first.part.notes, tallies };
}
