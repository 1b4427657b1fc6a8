/**
 * `swissround rank` end to end on generated wide and long CSVs (default 20000 x 100), against the
 * C reference playing the same contests in the same run (its three processes, one per T = 0, 1, 2,
 * reading the round scores from a file), with each side's peak RSS (the highest over the reps; the
 * times are the best rep, C and rank alternating).
 *
 *   node dist/bench/rank-scale.js [--table 20000x100] [--runs 100] [--reps 1] [--threads N]
 *
 * The CLI runs with default options apart from --runs (and -o to a temporary file).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileCReference, removeCReference, runCReference, writeRoundsFile } from "./c-reference.js";
import { CLI, ROOT, syntheticTable, toRoundScores } from "./cases.js";
import { writeTableCsv } from "./reading.js";

export interface RankScaleFigures {
  table: string;
  runs: number;
  rank: { shape: "wide" | "long"; seconds: number; peakRssMB: number; ratioToC?: number }[];
  c?: { seconds: number; peakRssMB?: number };
  cNote?: string;
}

const T = [0, 1, 2];

function timed(cmd: string, args: string[]): { seconds: number; peakRssMB: number } {
  const time = spawnSync("/usr/bin/time", ["-f", "%M", "true"]).status === 0;
  const t0 = performance.now();
  const r = time
    ? spawnSync("/usr/bin/time", ["-f", "%M", cmd, ...args], { encoding: "utf8", maxBuffer: 64 << 20 })
    : spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 << 20 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr}`);
  return { seconds, peakRssMB: time ? Math.round(Number(r.stderr.trim().split("\n").pop()) / 1024) : Number.NaN };
}

export function benchRankScale(
  table = "20000x100",
  runs = 100,
  reps = 1,
  threads?: number,
  log: (s: string) => void = () => {},
): RankScaleFigures {
  const [models, benchmarks] = table.split("x").map(Number);
  const cli = CLI;
  if (!existsSync(cli)) throw new Error(`${cli} does not exist: npm run build first`);
  const dir = mkdtempSync(join(tmpdir(), "swissround-rank-scale-"));
  const out: RankScaleFigures = { table, runs, rank: [] };
  const ref = compileCReference(join(ROOT, "..", "shared", "bench", "csd_ref.c"));
  try {
    const files = (["wide", "long"] as const).map((shape) => {
      const file = join(dir, `${shape}.csv`);
      writeTableCsv(file, models, benchmarks, shape);
      return { shape, file };
    });
    const roundsFile =
      typeof ref === "string" ? undefined : writeRoundsFile(ref, "scale", toRoundScores(syntheticTable(models, benchmarks, 17)));
    if (typeof ref === "string") out.cNote = ref;
    // C and each rank run alternate, rep by rep, so that other load on the machine hits them alike.
    const c: { seconds: number; rss: number }[] = [];
    const js: Record<string, { seconds: number; peakRssMB: number }[]> = { wide: [], long: [] };
    for (let r = 0; r < reps; r++) {
      if (typeof ref !== "string" && roundsFile) {
        log(`C reference on ${table}, T = ${T.join(",")} x ${runs} (${r + 1} of ${reps})`);
        const one = T.map((t) => runCReference(ref, roundsFile, runs, t, 1));
        c.push({ seconds: one.reduce((a, x) => a + x.seconds, 0), rss: Math.max(...one.map((x) => x.maxRssMB ?? Number.NaN)) });
      }
      for (const { shape, file } of files) {
        log(`swissround rank on the ${shape} ${table} CSV, --runs ${runs} (${r + 1} of ${reps})`);
        const args = [cli, "rank", file, "--runs", String(runs), "-q", "--format", "json", "-o", join(dir, "out.json")];
        if (threads) args.push("--threads", String(threads));
        js[shape].push(timed(process.execPath, args));
      }
    }
    const cSeconds = c.length > 0 ? Math.min(...c.map((x) => x.seconds)) : undefined;
    if (cSeconds !== undefined) out.c = { seconds: cSeconds, peakRssMB: Math.round(Math.max(...c.map((x) => x.rss))) };
    for (const { shape } of files) {
      const best = js[shape].sort((a, b) => a.seconds - b.seconds)[0];
      const peakRssMB = Math.max(...js[shape].map((x) => x.peakRssMB));
      out.rank.push({ shape, seconds: best.seconds, peakRssMB, ...(cSeconds ? { ratioToC: best.seconds / cSeconds } : {}) });
    }
  } finally {
    if (typeof ref !== "string") removeCReference(ref);
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

const isMain = process.argv[1] && new URL(import.meta.url).pathname === process.argv[1];
if (isMain) {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const threads = opt("--threads");
  const f = benchRankScale(
    opt("--table"),
    Number(opt("--runs") ?? 100),
    Number(opt("--reps") ?? 1),
    threads ? Number(threads) : undefined,
    (s) => process.stderr.write(`${s}\n`),
  );
  const lines = [`rank end to end on ${f.table}, T = ${T.join(",")} x ${f.runs} contests:`];
  if (f.c) lines.push(`  C reference (3 processes): ${f.c.seconds.toFixed(2)} s, peak RSS ${f.c.peakRssMB} MB`);
  else lines.push(`  C reference: ${f.cNote}`);
  for (const r of f.rank)
    lines.push(
      `  rank, ${r.shape} CSV: ${r.seconds.toFixed(2)} s, peak RSS ${r.peakRssMB} MB${r.ratioToC ? `, ${r.ratioToC.toFixed(2)}x the C reference's time` : ""}`,
    );
  process.stdout.write(`${lines.join("\n")}\n`);
}
