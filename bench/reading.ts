/**
 * Reading alone at scale: generates wide (one row per model) and long (model, benchmark, score)
 * CSVs of 5000 x 50 and 20000 x 100 from `syntheticTable`, then reads each in a child process (so
 * the peak RSS is the reader's own) through `readScoreTable` with default options, as `rank` does
 * before it prepares the round scores.
 *
 *   node dist/bench/reading.js [--tables 5000x50,20000x100] [--reps 3]   prints cells/s and peak memory
 *
 * `benchReading()` is what bench/run.ts calls; `writeTableCsv()` also feeds docs/performance.md's
 * end-to-end `rank` figures.
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readScoreTable } from "../src/table/read.js";
import { syntheticTable } from "./cases.js";

export type TableShape = "wide" | "long";

export interface ReadingFigures {
  table: string;
  shape: TableShape;
  models: number;
  benchmarks: number;
  megabytes: number;
  seconds: number;
  cellsPerSecond: number;
  peakRssMB: number;
}

export const READING_TABLES = ["5000x50", "20000x100"];

function size(id: string): [number, number] {
  const m = /^(\d+)x(\d+)$/.exec(id);
  if (!m) throw new Error(`reading table ${id}: expected MODELSxBENCHMARKS, such as 5000x50`);
  return [Number(m[1]), Number(m[2])];
}

/** Writes the seeded synthetic table as a wide or long CSV; returns its size in bytes. */
export function writeTableCsv(path: string, models: number, benchmarks: number, shape: TableShape, seed = 17): number {
  const t = syntheticTable(models, benchmarks, seed);
  const fd = openSync(path, "w");
  let bytes = 0;
  let buf = shape === "wide" ? `model,${t.benchmarks.join(",")}\n` : "model,benchmark,score\n";
  const flush = (force = false) => {
    if (!force && buf.length < 1 << 22) return;
    bytes += writeSync(fd, buf);
    buf = "";
  };
  try {
    t.models.forEach((name, m) => {
      if (shape === "wide") buf += `${name},${t.scores[m].join(",")}\n`;
      else for (let k = 0; k < benchmarks; k++) buf += `${name},${t.benchmarks[k]},${t.scores[m][k]}\n`;
      flush();
    });
    flush(true);
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** The child's job: read the file with default options, print what it measured as JSON. */
function readChild(path: string): void {
  const t0 = process.hrtime.bigint();
  const table = readScoreTable(path);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  process.stdout.write(
    JSON.stringify({ seconds, maxRssKB: process.resourceUsage().maxRSS, models: table.models.length, benchmarks: table.benchmarks.length }),
  );
}

/** Each table is read `reps` times, each in a fresh child; the fastest read (and its peak RSS) is kept. */
export function benchReading(ids: readonly string[] = READING_TABLES, log: (s: string) => void = () => {}, reps = 1): ReadingFigures[] {
  const dir = mkdtempSync(join(tmpdir(), "swissround-reading-"));
  const self = fileURLToPath(import.meta.url);
  const out: ReadingFigures[] = [];
  try {
    for (const id of ids) {
      const [models, benchmarks] = size(id);
      for (const shape of ["wide", "long"] as const) {
        log(`reading a ${shape} ${id} CSV (in a child process)`);
        const file = join(dir, `${shape}-${id}.csv`);
        const bytes = writeTableCsv(file, models, benchmarks, shape);
        type Child = { seconds: number; maxRssKB: number; models: number; benchmarks: number };
        const runs = Array.from({ length: Math.max(1, reps) }, (): Child => {
          const r = spawnSync(process.execPath, [self, "--read", file], { encoding: "utf8", maxBuffer: 1 << 20 });
          if (r.status !== 0) throw new Error(`reading bench child failed on ${shape} ${id}: ${r.stderr}`);
          return JSON.parse(r.stdout) as Child;
        });
        const f = runs.sort((a, b) => a.seconds - b.seconds)[0];
        // Every model and benchmark must come back: a reader that drops one would only look fast.
        if (f.models !== models || f.benchmarks !== benchmarks)
          throw new Error(`${shape} ${id}: read ${f.models} x ${f.benchmarks}, wrote ${models} x ${benchmarks}`);
        out.push({
          table: id,
          shape,
          models,
          benchmarks,
          megabytes: Math.round((bytes / 1048576) * 10) / 10,
          seconds: f.seconds,
          cellsPerSecond: Math.round((models * benchmarks) / f.seconds),
          peakRssMB: Math.round(f.maxRssKB / 1024),
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

export function formatReading(rows: readonly ReadingFigures[]): string {
  const lines = ["Reading alone (readScoreTable, default options, in a child process):"];
  for (const r of rows) {
    lines.push(
      `  ${r.shape.padEnd(4)} ${`${r.models} x ${r.benchmarks}`.padEnd(11)} ${`${r.megabytes} MB`.padStart(8)} CSV: ` +
        `${r.seconds.toFixed(2)} s, ${Math.round(r.cellsPerSecond).toLocaleString("en")} cells/s, peak RSS ${r.peakRssMB} MB`,
    );
  }
  return lines.join("\n");
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const args = process.argv.slice(2);
  if (args[0] === "--read") readChild(args[1]);
  else {
    const at = args.indexOf("--tables");
    const ids = at >= 0 ? args[at + 1].split(",") : READING_TABLES;
    const r = args.indexOf("--reps");
    const reps = r >= 0 ? Number(args[r + 1]) : 1;
    process.stdout.write(`${formatReading(benchReading(ids, (s) => process.stderr.write(`${s}\n`), reps))}\n`);
  }
}
