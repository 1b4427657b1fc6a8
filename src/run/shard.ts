/**
 * Sharded runs: a shard plays a deterministic slice of the chunks and saves its integer tallies;
 * merging all slices gives exactly the single run's result for the same seed.
 */
import { type ChunkPlan, planChunks, sliceChunks } from "../engine/montecarlo.js";
import { pointsPerContest } from "../engine/points.js";
import { emptyTally, mergeTallyInto, rankBinCount } from "../engine/tally.js";
import type { Tally } from "../engine/types.js";
import { InputError, listProblems } from "../table/errors.js";
import { checkJsonStructure } from "../table/json-structure.js";
import { optionError } from "../table/option-names.js";
import { VERSION } from "../version.js";
import type { RankConfig } from "./config.js";
import type { TwinFigures } from "./twin.js";

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
  /** The flat twins for the labels (they do not depend on the slice: played by shard 1 only). */
  twins?: TwinFigures;
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
    throw optionError(option, `"${text}" is not valid: expected i/n with 1 <= i <= n, for example 1/4`);
  }
  return { index, count };
}

export function shardChunks(plan: ChunkPlan, shard: ShardSpec): [number, number] {
  return sliceChunks(plan, shard.index - 1, shard.count);
}

export function makePart(config: RankConfig, notes: string[], shard: ShardSpec, tallies: Tally[], twins?: TwinFigures): PartFile {
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
    ...(twins ? { twins } : {}),
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
  checkJsonStructure(text, file);
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}: malformed JSON: ${(e as Error).message}`, { file });
  }
  const p = data as Partial<PartFile>;
  if (typeof data !== "object" || data === null || p.format !== PART_FORMAT || !p.shard || !p.config || !Array.isArray(p.tallies)) {
    throw new InputError(`${file}: not a swissround shard file (made by "swissround rank ... --shard i/n --out FILE")`, { file });
  }
  if (p.tallies.length !== p.config.settings.length) {
    throw new InputError(`${file}: damaged shard file: ${p.tallies.length} tallies for ${p.config.settings.length} settings`, { file });
  }
  const problems = [...partProblems(p as PartFile), ...twinProblems(p as PartFile)];
  if (problems.length > 0) throw new InputError(listProblems(`${file}: damaged or edited shard file:`, problems, 10), { file });
  return p as PartFile;
}

/** The twins' shapes, when a part carries them (the labels are computed from them). */
function twinProblems(p: PartFile): string[] {
  const t = p.twins as Partial<TwinFigures> | undefined;
  if (t === undefined) return [];
  const M = p.config.input?.models?.length ?? 0;
  const pair = (x: unknown) => Array.isArray(x) && x.length === 2 && x.every((v) => typeof v === "number" && Number.isFinite(v));
  const ok =
    typeof t === "object" &&
    t !== null &&
    isCount(t.runs) &&
    Array.isArray(t.meanWins) &&
    t.meanWins.length === M &&
    t.meanWins.every((w) => typeof w === "number" && Number.isFinite(w)) &&
    Array.isArray(t.flat) &&
    t.flat.length === M &&
    t.flat.every((f) => typeof f === "boolean") &&
    Array.isArray(t.played) &&
    [...t.played, ...(t.ceiling === undefined ? [] : [t.ceiling])].every(
      (q) => isCount(q?.model) && q.model < M && pair(q.baseline) && pair(q.harshest),
    );
  return ok ? [] : ["twins: not the flat-twin figures of this field"];
}

const isCount = (x: unknown): x is number => typeof x === "number" && Number.isSafeInteger(x) && x >= 0;

/**
 * What a shard's tallies must satisfy to be the contests it says it played: integer counts of the
 * right shapes, the contest count of its slice of the chunks, every contest's points handed out
 * (the same total in every contest), one winner and one final position per model per contest.
 */
function partProblems(p: PartFile): string[] {
  const out: string[] = [];
  const c = p.config;
  const models = c.input?.models;
  if (!Array.isArray(models) || models.length < 2 || !Array.isArray(c.settings) || !isCount(c.runs) || c.runs < 1 || !isCount(c.seed))
    return ["its configuration lacks the models, settings, runs or seed"];
  if (!isCount(c.rankBinWidth) || c.rankBinWidth < 1) return ["its configuration's rankBinWidth is not a whole number >= 1"];
  const { index, count, chunks } = p.shard;
  if (!isCount(index) || !isCount(count) || index < 1 || index > count) return [`shard ${index}/${count} is not i/n with 1 <= i <= n`];
  const plan = planChunks(c.runs, c.seed);
  const [from, to] = shardChunks(plan, { index, count });
  if (!Array.isArray(chunks) || chunks[0] !== from || chunks[1] !== to)
    out.push(`shard ${index}/${count} of ${c.runs} contests covers chunks ${from}-${to}, not ${JSON.stringify(chunks)}`);
  const contests = Math.max(0, Math.min(c.runs, to * plan.chunkSize) - from * plan.chunkSize);
  const M = models.length;
  const bins = rankBinCount(M, c.rankBinWidth);
  p.tallies.forEach((t, s) => {
    const at = `setting ${c.settings[s]?.label ?? s + 1}`;
    if (t.contests !== contests) out.push(`${at}: contests is ${JSON.stringify(t.contests)}, but the shard plays ${contests}`);
    if (t.models !== M || t.rankBinWidth !== c.rankBinWidth || t.rankBins !== bins)
      out.push(`${at}: the tally's shape (models, rank bins) does not match the configuration`);
    const arrays: [keyof SerialTally, number][] = [
      ["scoreSum", M],
      ["scoreSqSum", M],
      ["firstCount", M],
      ["eliminatedCount", M],
      ["roundsSum", M],
      ["byeSum", M],
      ["rankHistogram", M * bins],
    ];
    for (const [name, length] of arrays) {
      const a = t[name] as unknown;
      if (!Array.isArray(a) || a.length !== length) out.push(`${at}: ${name} should hold ${length} numbers`);
      else if (!a.every(isCount)) out.push(`${at}: ${name} holds a value that is not a whole number >= 0`);
    }
    if (out.length > 0) return;
    const schedule = c.settings[s]?.schedule;
    const points = Array.isArray(schedule) ? pointsPerContest(M, schedule) : Number.NaN;
    const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
    if (sum(t.scoreSum) !== points * contests)
      out.push(`${at}: the points add up to ${sum(t.scoreSum)}, not ${points} per contest x ${contests} contests`);
    if (sum(t.firstCount) !== contests) out.push(`${at}: ${sum(t.firstCount)} first places in ${contests} contests`);
    for (let m = 0; m < M; m++) {
      if (t.eliminatedCount[m] > contests || t.scoreSqSum[m] < t.scoreSum[m]) {
        out.push(`${at}: model "${models[m]}"'s counts are impossible for ${contests} contests`);
        break;
      }
      let row = 0;
      for (let b = 0; b < bins; b++) row += t.rankHistogram[m * bins + b];
      if (row !== contests) {
        out.push(`${at}: model "${models[m]}" has ${row} final positions in ${contests} contests`);
        break;
      }
    }
  });
  return out;
}

/** Checks that the parts are the n slices of one run and adds their tallies. */
export function mergeParts(parts: readonly { file: string; part: PartFile }[]): {
  config: RankConfig;
  notes: string[];
  tallies: Tally[];
  twins?: TwinFigures;
} {
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
  const twins = parts.find((p) => p.part.twins)?.part.twins;
  return { config, notes: first.part.notes, tallies, ...(twins ? { twins } : {}) };
}
