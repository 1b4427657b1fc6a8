/**
 * The C reference (shared/bench/csd_ref.c): compiled with gcc -O3 -march=native into a temporary
 * directory, fed the same round scores, timed in the same run as the JS engine.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RoundScores } from "../src/engine/types.js";

export interface CReference {
  binary: string;
  dir: string;
  compiler: string;
  /** /usr/bin/time, when present, to read the C program's peak RSS. */
  timeTool: string | undefined;
}

export interface CRun {
  seconds: number;
  means: number[];
  maxRssMB: number | undefined;
}

/** Compiles the reference, or explains why not (no gcc, no source). */
export function compileCReference(source: string): CReference | string {
  if (!existsSync(source)) return `C reference not found at ${source}`;
  const gcc = spawnSync("gcc", ["--version"], { encoding: "utf8" });
  if (gcc.status !== 0) return "gcc not available: C reference skipped";
  const dir = mkdtempSync(join(tmpdir(), "swissround-bench-"));
  const binary = join(dir, "csd_ref");
  const cc = spawnSync("gcc", ["-O3", "-march=native", "-o", binary, source], { encoding: "utf8" });
  if (cc.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return `gcc failed on ${source}: ${cc.stderr.trim()}`;
  }
  const timeTool = spawnSync("/usr/bin/time", ["-f", "%M", "true"], { encoding: "utf8" }).status === 0 ? "/usr/bin/time" : undefined;
  return { binary, dir, compiler: gcc.stdout.split("\n")[0], timeTool };
}

/** "M K" then one line of K round scores per model (shortest round-trip decimals: exact doubles). */
export function writeRoundsFile(ref: CReference, name: string, rs: RoundScores): string {
  const lines = [`${rs.models} ${rs.rounds}`];
  for (let m = 0; m < rs.models; m++) {
    const row: string[] = [];
    for (let k = 0; k < rs.rounds; k++) row.push(String(rs.values[k * rs.models + m]));
    lines.push(row.join(" "));
  }
  const path = join(ref.dir, `${name}.txt`);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

/** One run of the reference: wall time of the whole process, its E[S] and peak RSS. */
export function runCReference(ref: CReference, roundsFile: string, runs: number, T: number, seed: number, mode = "paper"): CRun {
  const args = [String(runs), String(T), String(seed), mode];
  const cmd = ref.timeTool ? ref.timeTool : ref.binary;
  const cmdArgs = ref.timeTool ? ["-f", "%M", ref.binary, ...args] : args;
  const input = `< ${shellQuote(roundsFile)}`;
  const t0 = performance.now();
  const out = spawnSync("sh", ["-c", `exec ${[cmd, ...cmdArgs].map(shellQuote).join(" ")} ${input}`], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (out.status !== 0) throw new Error(`C reference failed (${out.status}): ${out.stderr}`);
  const rss = ref.timeTool ? Number(out.stderr.trim().split("\n").pop()) / 1024 : undefined;
  return { seconds, means: out.stdout.trim().split("\n").map(Number), maxRssMB: rss };
}

function shellQuote(s: string): string {
  return /^[\w./=:-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}

export function removeCReference(ref: CReference): void {
  rmSync(ref.dir, { recursive: true, force: true });
}
