/** Choosing benchmarks, marking directions, and the checks every table must pass before ranking. */
import { at, isMissing } from "../grid/grid.js";
import { InputError, problemsError } from "./errors.js";
import { optionError } from "./option-names.js";
import { allIndices, subsetTable } from "./subset.js";
import { type ScoreTable, tableGrid } from "./types.js";

function unknownNames(names: readonly string[], known: readonly string[]): string[] {
  const set = new Set(known);
  return names.filter((n) => !set.has(n));
}

/** For names that are columns of the file read as not scores: says so, and where to see why. */
export function notScoresHint(names: readonly string[], t: ScoreTable): string {
  const left = names.filter((n) => t.ignored.includes(n));
  if (left.length === 0) return "";
  const s = left.length === 1 ? "" : "s";
  return (
    `; column${s} ${left.map((n) => `"${n}"`).join(", ")} ${left.length === 1 ? "is" : "are"} not read as scores ` +
    `(no values, text, or a statistic by its name: \`swissround inspect ${t.source}\` says which)`
  );
}

function requireKnown(names: readonly string[], t: ScoreTable, option: string): void {
  const known = t.benchmarks.map((b) => b.name);
  const unknown = unknownNames(names, known);
  if (unknown.length > 0) {
    throw optionError(
      option,
      `${unknown.map((u) => `"${u}"`).join(", ")} ${unknown.length === 1 ? "is" : "are"} not a benchmark of ${t.source} ` +
        `(its benchmarks: ${known.join(", ")})${notScoresHint(unknown, t)}`,
    );
  }
}

/** Keeps the benchmarks listed in `keep` (in that order), or all but those in `exclude`. */
export function selectBenchmarks(
  t: ScoreTable,
  keep?: readonly string[],
  exclude?: readonly string[],
  reason = "benchmarks left out by --benchmarks/--exclude",
): ScoreTable {
  const names = t.benchmarks.map((b) => b.name);
  if (keep) requireKnown(keep, t, "--benchmarks");
  if (exclude) requireKnown(exclude, t, "--exclude");
  const chosen = (keep ?? names).filter((n) => !(exclude ?? []).includes(n));
  if (chosen.length === names.length && chosen.every((n, i) => n === names[i])) return t;
  if (chosen.length === 0)
    throw new InputError(`${t.source}: no benchmark left after --benchmarks/--exclude`, { file: t.source, option: "exclude" });
  const idx = chosen.map((n) => names.indexOf(n));
  const dropped = names.filter((n) => !chosen.includes(n));
  const sub = subsetTable(t, allIndices(t.models.length), idx);
  return { ...sub, notes: dropped.length > 0 ? [...t.notes, `${reason}: ${dropped.join(", ")}`] : t.notes };
}

export function markLowerIsBetter(t: ScoreTable, names: readonly string[]): ScoreTable {
  if (names.length === 0) return t;
  requireKnown(names, t, "--lower-is-better");
  return {
    ...t,
    benchmarks: t.benchmarks.map((b) => ({ ...b, lowerIsBetter: b.lowerIsBetter || names.includes(b.name) })),
  };
}

/** Every gap, located, so the user can fix them all at once. */
export function listGaps(t: ScoreTable): string[] {
  const g = tableGrid(t);
  const gaps: string[] = [];
  t.models.forEach((model, m) => {
    t.benchmarks.forEach((bench, b) => {
      if (!isMissing(at(g, m, b))) return;
      const where = [t.modelWhere[m], t.benchmarkWhere[b]].filter((w) => w !== "").join(", ");
      gaps.push(`model "${model}", benchmark "${bench.name}"${where ? ` (${where})` : " (no row)"}`);
    });
  });
  return gaps;
}

/** The checks before ranking: at least 2 models and 1 benchmark, and no missing score. */
export function requireRankable(t: ScoreTable): void {
  if (t.models.length < 2) {
    const n = t.models.length;
    throw new InputError(`${t.source}: ${n} model${n === 1 ? "" : "s"} found; ranking needs at least 2`, { file: t.source });
  }
  if (t.benchmarks.length === 0) throw new InputError(`${t.source}: no benchmark (score) columns found`, { file: t.source });
  const gaps = listGaps(t);
  if (gaps.length > 0) {
    throw problemsError(
      `${t.source}: ${gaps.length} missing score${gaps.length === 1 ? "" : "s"} (every model needs a score on every benchmark used; ` +
        "fill them in, leave the benchmark out with --exclude, or choose a policy with --missing drop-model|drop-benchmark|lose|available-mean):",
      gaps,
      { file: t.source },
    );
  }
}

/** The benchmarks that are not the leaderboard's own aggregates, in table order. */
export function scoreBenchmarks(t: ScoreTable): string[] {
  const agg = new Set((t.aggregates ?? []).map((a) => a.name));
  return t.benchmarks.map((b) => b.name).filter((n) => !agg.has(n));
}
