/**
 * Per-item aggregation at scale: generates a 10-million-row per-item CSV (model, benchmark, item,
 * correct, cost, tokens), then aggregates it in a child process (so the peak RSS is the reader's
 * own) through the same streaming path as `swissround rank FILE`, without keeping the items.
 *
 *   node dist/bench/per-item.js [--rows N]      prints rows/s and peak memory
 *
 * `benchPerItem()` is what bench/run.ts calls.
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readScoreTable } from "../src/table/read.js";

export interface PerItemBench {
  rowsPerSecond: number;
  peakRssMB: number;
  rows: number;
}

const MODELS = 200;
const BENCHMARKS = 10;

/** Writes `rows` rows (MODELS models x BENCHMARKS benchmarks x items) with a fixed LCG: the same file every time. */
export function writePerItemFile(path: string, rows: number): number {
  const items = Math.ceil(rows / (MODELS * BENCHMARKS));
  const fd = openSync(path, "w");
  let state = 12345;
  const rand = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  let written = 0;
  let buf = "model,benchmark,item_id,correct,cost_usd,tokens\n";
  try {
    for (let m = 0; m < MODELS && written < rows; m++) {
      const skill = 0.3 + (0.6 * m) / MODELS;
      for (let b = 0; b < BENCHMARKS && written < rows; b++) {
        for (let i = 0; i < items && written < rows; i++) {
          const correct = rand() < skill ? 1 : 0;
          const cost = (0.0005 + rand() * 0.002).toFixed(5);
          buf += `model_${m},bench_${b},q${i},${correct},${cost},${200 + ((rand() * 800) | 0)}\n`;
          written++;
          if (buf.length > 1 << 22) {
            writeSync(fd, buf);
            buf = "";
          }
        }
      }
    }
    writeSync(fd, buf);
  } finally {
    closeSync(fd);
  }
  return written;
}

/** The child's job: aggregate the file, print what it measured as JSON. */
function aggregateChild(path: string): void {
  const t0 = process.hrtime.bigint();
  const table = readScoreTable(path, { keepItems: false });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const count = table.extras?.count;
  let rows = 0;
  if (count) for (const c of count) rows += Number.isNaN(c) ? 0 : c;
  process.stdout.write(
    JSON.stringify({
      rows,
      seconds,
      maxRssKB: process.resourceUsage().maxRSS,
      models: table.models.length,
      benchmarks: table.benchmarks.length,
    }),
  );
}

export async function benchPerItem(rows = 10_000_000): Promise<PerItemBench> {
  const dir = mkdtempSync(join(tmpdir(), "swissround-per-item-"));
  const file = join(dir, "per-item.csv");
  try {
    const written = writePerItemFile(file, rows);
    const self = fileURLToPath(import.meta.url);
    const r = spawnSync(process.execPath, [self, "--aggregate", file], { encoding: "utf8", maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`per-item bench child failed: ${r.stderr}`);
    const out = JSON.parse(r.stdout) as { rows: number; seconds: number; maxRssKB: number; models: number; benchmarks: number };
    if (out.rows !== written) throw new Error(`aggregated ${out.rows} rows, wrote ${written}`);
    return { rows: written, rowsPerSecond: Math.round(written / out.seconds), peakRssMB: Math.round(out.maxRssKB / 1024) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const args = process.argv.slice(2);
  if (args[0] === "--aggregate") aggregateChild(args[1]);
  else {
    const at = args.indexOf("--rows");
    const rows = at >= 0 ? Number(args[at + 1]) : 10_000_000;
    const t0 = Date.now();
    benchPerItem(rows).then((r) => {
      process.stdout.write(
        `per-item aggregation: ${r.rows.toLocaleString("en")} rows, ${r.rowsPerSecond.toLocaleString("en")} rows/s, peak RSS ${r.peakRssMB} MB ` +
          `(whole run with file generation ${((Date.now() - t0) / 1000).toFixed(1)} s)\n`,
      );
    });
  }
}
