/**
 * `compare` at leaderboard scale: every static ranking method's time and peak memory, and the whole
 * command against `rank` on the same table, each a CLI run in its own process (so that its RSS is
 * its own). Tables: the Open LLM Leaderboard v1 (1,756 models x 6, real; from ../shared when it is
 * there) and a synthetic 5,000 x 50 field.
 *
 * A method's figure is `compare --methods ID --runs R` (R = 1,000: the simulation is then a small,
 * fixed part), with its own time as that minus `rank --runs R` on the same table.
 *
 *   node dist/bench/methods.js [--tables v1,5000x50] [--reps 1]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { rankingMethods } from "../src/rank/index.js";
import { CLI, ROOT } from "./cases.js";
import { writeTableCsv } from "./reading.js";

export interface RunFigures {
  seconds: number;
  peakRssMB: number;
}

export interface MethodFigures extends RunFigures {
  id: string;
  /** This method's own time: compare with it alone minus rank, both at the same runs. */
  ownSeconds: number;
}

export interface CompareTableFigures {
  id: string;
  title: string;
  /** Runs of the simulation in the per-method figures. */
  methodRuns: number;
  rankAtMethodRuns: RunFigures;
  methods: MethodFigures[];
  /** Runs of the whole-command figures. */
  runs: number;
  rank: RunFigures;
  compare: RunFigures;
  /** compare / rank at `runs`. */
  ratio: number;
  target: string;
}

export type MethodsBench = { tables: CompareTableFigures[]; skipped: string[] };

const CHILD = fileURLToPath(new URL("./cli-child.js", import.meta.url));
const OPEN_LLM_V1 = join(ROOT, "..", "shared", "data", "benchbench", "benchmarks_old", "hf_open_llm_v1_240829_frozen.csv");

interface TableSpec {
  id: string;
  title: string;
  /** The file and the options that read it. */
  args: (dir: string) => string[] | string;
  /** Runs of the whole-command comparison. */
  runs: number;
  target: string;
}

const TABLES: TableSpec[] = [
  {
    id: "v1",
    title: "Open LLM Leaderboard v1 (1,756 x 6, real, --duplicates best)",
    args: () => (existsSync(OPEN_LLM_V1) ? [OPEN_LLM_V1, "--duplicates", "best"] : `${OPEN_LLM_V1} is not there`),
    runs: 100_000,
    target: "compare within 2.5x rank, under 1 GB",
  },
  {
    id: "5000x50",
    title: "synthetic 5,000 x 50",
    args: (dir) => {
      const file = join(dir, "synthetic-5000x50.csv");
      writeTableCsv(file, 5000, 50, "wide", 20252); // case (c)'s table
      return [file];
    },
    // At N = 100,000 the simulation alone takes minutes here (see case (c)): compare's own work is the measure.
    runs: 1_000,
    target: "compare (N = 1,000) within 60 s, under 2 GB",
  },
];

/** One CLI run in a child: wall time from here, peak RSS from the child. */
function runCli(args: string[]): RunFigures {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CHILD, CLI, ...args], { encoding: "utf8", maxBuffer: 64 << 20 });
  const seconds = (performance.now() - t0) / 1000;
  const line = r.stderr.trim().split("\n").pop() ?? "";
  if (r.status !== 0 || !line.startsWith("BENCH ")) {
    throw new Error(`swissround ${args.join(" ")} failed (exit ${r.status}): ${r.stderr.trim().split("\n").slice(-4).join(" / ")}`);
  }
  return { seconds, peakRssMB: (JSON.parse(line.slice(6)) as { maxRssMB: number }).maxRssMB };
}

const bestOf = (reps: number, f: () => RunFigures): RunFigures => {
  const all = Array.from({ length: reps }, f);
  return { seconds: Math.min(...all.map((x) => x.seconds)), peakRssMB: Math.max(...all.map((x) => x.peakRssMB)) };
};

export function benchMethods(ids: string[] = TABLES.map((t) => t.id), reps = 1, log: (s: string) => void = () => {}): MethodsBench {
  const dir = mkdtempSync(join(tmpdir(), "swissround-methods-"));
  const out: MethodsBench = { tables: [], skipped: [] };
  try {
    for (const id of ids) {
      const spec = TABLES.find((t) => t.id === id);
      if (!spec) throw new Error(`unknown methods table ${id} (known: ${TABLES.map((t) => t.id).join(", ")})`);
      const input = spec.args(dir);
      if (typeof input === "string") {
        out.skipped.push(`${spec.title}: ${input}`);
        continue;
      }
      const o = join(dir, "out.json");
      const common = [...input, "-q", "--format", "json", "-o", o];
      const methodRuns = 1000;
      log(`methods on ${spec.title}: rank --runs ${methodRuns}`);
      const rankAtMethodRuns = bestOf(reps, () => runCli(["rank", ...common, "--runs", String(methodRuns)]));
      const methods = rankingMethods.map((m): MethodFigures => {
        log(`methods on ${spec.title}: ${m.id}`);
        const f = bestOf(reps, () => runCli(["compare", ...common, "--runs", String(methodRuns), "--methods", m.id]));
        return { id: m.id, ...f, ownSeconds: Math.max(0, f.seconds - rankAtMethodRuns.seconds) };
      });
      log(`methods on ${spec.title}: rank and compare, N = ${spec.runs}`);
      const rank = bestOf(reps, () => runCli(["rank", ...common, "--runs", String(spec.runs)]));
      const compare = bestOf(reps, () => runCli(["compare", ...common, "--runs", String(spec.runs)]));
      out.tables.push({
        id,
        title: spec.title,
        methodRuns,
        rankAtMethodRuns,
        methods,
        runs: spec.runs,
        rank,
        compare,
        ratio: compare.seconds / rank.seconds,
        target: spec.target,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

const f2 = (x: number) => x.toFixed(2);

export function formatMethods(b: MethodsBench): string {
  const lines: string[] = [];
  for (const t of b.tables) {
    lines.push(`compare on ${t.title}:`);
    lines.push(
      `  whole command, N = ${t.runs.toLocaleString("en")}: compare ${f2(t.compare.seconds)} s / ${t.compare.peakRssMB} MB, ` +
        `rank ${f2(t.rank.seconds)} s / ${t.rank.peakRssMB} MB: x${f2(t.ratio)} (target: ${t.target})`,
    );
    lines.push(
      `  each method alone (compare --methods ID, N = ${t.methodRuns.toLocaleString("en")}; rank alone ${f2(t.rankAtMethodRuns.seconds)} s / ${t.rankAtMethodRuns.peakRssMB} MB):`,
    );
    for (const m of t.methods) {
      lines.push(
        `    ${m.id.padEnd(15)} ${f2(m.seconds).padStart(7)} s  own ${f2(m.ownSeconds).padStart(7)} s  ${String(m.peakRssMB).padStart(6)} MB`,
      );
    }
  }
  for (const s of b.skipped) lines.push(`compare: skipped ${s}`);
  return lines.join("\n");
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--tables");
  const reps = args.includes("--reps") ? Number(args[args.indexOf("--reps") + 1]) : 1;
  const ids = at >= 0 ? args[at + 1].split(",") : undefined;
  process.stdout.write(`${formatMethods(benchMethods(ids, reps, (s) => process.stderr.write(`${s}\n`)))}\n`);
}
